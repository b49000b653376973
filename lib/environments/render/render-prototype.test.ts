import { parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";
import { runChecks } from "../checks/run-checks";
import { cloudPlatformProfile as profile, type PlatformProfile } from "../profile/profile";
import { validateNamespaceRequest } from "../requests/namespace-request";
import { namespaceRequestFixture } from "../testing/namespace-request-fixture";
import { checkModuleInterfaces } from "./check-module-interfaces";
import { InvalidNamespaceRequestError, renderNamespaceFiles } from "./render-namespace-files";
import { prototypeSiteUrl, renderPrototypeDeployFiles } from "./render-prototype-deploy-files";
import { scanTerraformModules } from "../repository/scan-terraform-modules";
import { latestVersion } from "../profile/module-version";

const today = "2026-12-05";
const LIVE = "live.cloud-platform.service.justice.gov.uk";
const request = namespaceRequestFixture({
  name: "visits-prototype",
  application: "Gov.UK Prototype Kit",
  sourceCode: "https://github.com/ministryofjustice/visits-prototype",
  prototype: { repository: "visits-prototype", deployPullRequest: true },
});
const folder = `namespaces/${LIVE}/visits-prototype`;

describe("a prototype site's namespace files", () => {
  const files = renderNamespaceFiles(request, profile, { today });
  const byName = Object.fromEntries(files.map((f) => [f.path.slice(folder.length + 1), f.content]));

  it("adds the ECR repository, service account and basic-auth Secret to the standard files", () => {
    expect(Object.keys(byName)).toEqual([
      "00-namespace.yaml",
      "01-rbac.yaml",
      "02-limitrange.yaml",
      "03-resourcequota.yaml",
      "04-networkpolicy.yaml",
      "resources/basic-auth.tf",
      "resources/ecr.tf",
      "resources/main.tf",
      "resources/serviceaccount.tf",
      "resources/variables.tf",
      "resources/versions.tf",
    ]);
  });

  it("golden: ecr.tf, serviceaccount.tf, basic-auth.tf and the variables appended", async () => {
    await expect(byName["resources/ecr.tf"]).toMatchFileSnapshot("./golden/prototype/ecr.tf");
    await expect(byName["resources/serviceaccount.tf"]).toMatchFileSnapshot("./golden/prototype/serviceaccount.tf");
    await expect(byName["resources/basic-auth.tf"]).toMatchFileSnapshot("./golden/prototype/basic-auth.tf");
    await expect(byName["resources/variables.tf"]!.slice(byName["resources/variables.tf"]!.indexOf("## Prototype"))).toMatchFileSnapshot(
      "./golden/prototype/variables-appended.tf",
    );
  });

  it("pushes to the ECR through GitHub OIDC from the prototype's repository only, and gives its Actions the service account", () => {
    expect(byName["resources/ecr.tf"]).toContain('  oidc_providers      = ["github"]\n  github_repositories = ["visits-prototype"]\n');
    expect(byName["resources/ecr.tf"]).toContain('  repo_name = "visits-prototype-ecr"\n');
    expect(byName["resources/serviceaccount.tf"]).toContain('  github_repositories = ["visits-prototype"]\n');
    const modules = scanTerraformModules(byName["resources/ecr.tf"]! + byName["resources/serviceaccount.tf"]!).modules;
    expect(modules.map((m) => m.source)).toEqual([
      `github.com/ministryofjustice/cloud-platform-terraform-ecr-credentials?ref=${latestVersion(profile, "ecr-credentials")}`,
      `github.com/ministryofjustice/cloud-platform-terraform-serviceaccount?ref=${latestVersion(profile, "serviceaccount")}`,
    ]);
  });

  it("writes no password: the template's placeholder username and a password Terraform generates", () => {
    const all = files.map((f) => f.content).join("\n");
    expect(byName["resources/basic-auth.tf"]).toContain("password = random_password.password.result");
    expect(byName["resources/variables.tf"]).toContain('variable "basic-auth-username" {');
    expect(byName["resources/variables.tf"]).toContain('  default     = "prototype"\n');
    expect(all).not.toMatch(/basic-auth-password/);
  });

  it("fits the catalogue's module interfaces and passes the repository's checks", () => {
    const tf = files.filter((f) => f.path.includes("/resources/"));
    expect(checkModuleInterfaces(tf, tf, profile)).toEqual([]);
    const results = runChecks(
      { files: files.map((f) => ({ ...f, previous: null })), readBase: () => null, author: { login: "someone", teams: ["hmpps-visits"] } },
      profile,
    );
    expect(results.filter((r) => r.status !== "pass")).toEqual([]);
  });

  it("follows the profile: another username placeholder, no prototype sites at all", () => {
    const other: PlatformProfile = { ...profile, prototype: { ...profile.prototype!, basicAuthUsername: "kit" } };
    const variables = renderNamespaceFiles(request, other, { today }).find((f) => f.path.endsWith("variables.tf"))!.content;
    expect(variables).toContain('  default     = "kit"\n');
    expect(() => renderNamespaceFiles(request, { ...profile, prototype: null }, { today })).toThrow(InvalidNamespaceRequestError);
  });
});

describe("validating a prototype request", () => {
  const check = (overrides: object) => validateNamespaceRequest({ ...request, ...overrides }, profile);

  it("refuses a repository name that cannot name a namespace, naming the field", () => {
    for (const repository of ["Visits_Prototype", "-x", "a.b", "", "x".repeat(64), "a\nb"]) {
      const result = check({ name: "visits-prototype", prototype: { repository, deployPullRequest: false } });
      expect(result.ok).toBe(false);
      expect(Object.keys((result as { fields: Record<string, string> }).fields)).toContain("prototype.repository");
    }
  });

  it("names the namespace after the repository and is never production", () => {
    expect(check({ name: "other" })).toEqual({ ok: false, fields: { name: expect.stringMatching(/named after its repository: use visits-prototype/) } });
    expect(check({ isProduction: true })).toMatchObject({ ok: false, fields: { isProduction: expect.stringMatching(/never production/) } });
    expect(check({ prototype: { repository: "visits-prototype", deployPullRequest: "yes" } })).toMatchObject({
      ok: false,
      fields: { "prototype.deployPullRequest": expect.any(String) },
    });
    expect(check({})).toMatchObject({ ok: true });
  });
});

describe("the deployment files for the prototype's repository", () => {
  const conventions = profile.prototype!;
  const files = renderPrototypeDeployFiles("visits-prototype", LIVE, conventions);

  it("are the five files the CLI writes, named after the branch", () => {
    expect(files.map((f) => f.path)).toEqual([".dockerignore", ".github/workflows/cd-main.yaml", "Dockerfile", "kubernetes-deploy-main.tpl", "start.sh"]);
  });

  it("golden", async () => {
    for (const f of files) await expect(f.content).toMatchFileSnapshot(`./golden/prototype/deploy/${f.path.replaceAll("/", "__")}`);
  });

  it("parse as YAML; the workflow assumes the ECR role through OIDC and deploys with the service account's secrets", () => {
    const workflow = files.find((f) => f.path.endsWith("cd-main.yaml"))!.content;
    const parsed = parseAllDocuments(workflow).map((d) => d.toJS());
    expect(parsed[0].permissions).toEqual({ "id-token": "write", contents: "read" });
    expect(parsed[0].on.push.branches).toEqual(["main"]);
    expect(workflow).toContain("${{ secrets.ECR_ROLE_TO_ASSUME }}");
    expect(workflow).toContain("${{ secrets.KUBE_TOKEN }}");
    const docs = parseAllDocuments(files.find((f) => f.path === "kubernetes-deploy-main.tpl")!.content).map((d) => d.toJS());
    expect(docs.map((d) => d.kind)).toEqual(["Deployment", "Service", "Ingress"]);
    const env = docs[0].spec.template.spec.containers[0].env;
    expect(env.map((e: { valueFrom: { secretKeyRef: { name: string; key: string } } }) => e.valueFrom.secretKeyRef)).toEqual([
      { name: "basic-auth", key: "username" },
      { name: "basic-auth", key: "password" },
    ]);
    expect(docs[2].spec.rules[0].host).toBe(`visits-prototype-main.apps.${LIVE}`);
    expect(prototypeSiteUrl(conventions, "visits-prototype", LIVE)).toBe(`https://visits-prototype-main.apps.${LIVE}/`);
  });

  it("refuses a base image that would add a Dockerfile instruction", () => {
    expect(() => renderPrototypeDeployFiles("x", LIVE, { ...conventions, nodeImage: "node:20\nRUN curl evil" })).toThrow(/not an image reference/);
  });
});
