import { describe, expect, it } from "vitest";
import { checkNamespacePolicy, type PolicyResult } from "./check-namespace-policy";
import { cloudPlatformProfile as profile } from "../profile/profile";
import { renderNamespaceFiles, type RepoFile } from "../render/render-namespace-files";
import { planSampleNamespaces } from "../sample/plan-sample-namespaces";
import { namespaceFolder, renderNamespaceFiles as renderSampleFiles } from "../sample/render-namespace-files";
import { namespaceRequestFixture } from "../testing/namespace-request-fixture";

const P = profile.labelPrefix;
const request = namespaceRequestFixture({ name: "visits-dev" });
const folder = "namespaces/live.cloud-platform.service.justice.gov.uk/visits-dev";
const good = renderNamespaceFiles(request, profile);

/** The files with one file's content replaced (or a file added) through `edit`. */
function edited(file: string, edit: (text: string) => string): RepoFile[] {
  const path = `${folder}/${file}`;
  const found = good.some((f) => f.path === path);
  const files = good.map((f) => (f.path === path ? { path, content: edit(f.content) } : f));
  return found ? files : [...files, { path, content: edit("") }];
}

function result(results: PolicyResult[], rule: string): PolicyResult {
  const hit = results.find((r) => r.rule === rule);
  if (!hit) throw new Error(`no result for ${rule}: ${results.map((r) => r.rule).join(", ")}`);
  return hit;
}

function failing(files: RepoFile[], rule: string, context = {}): string {
  const r = result(checkNamespacePolicy(files, profile, context), rule);
  expect(r.pass).toBe(false);
  return r.message;
}

const rules = [
  "valid-yaml",
  "yaml-extension",
  "one-namespace",
  "required-annotations",
  "required-labels",
  "pod-security-restricted",
  "business-unit-allowed",
  "no-forbidden-labels",
  "rolebinding-cluster-roles",
  "no-cluster-rbac-or-service-accounts",
  "name-matches-folder",
];

describe("checkNamespacePolicy", () => {
  it("passes every rule for the files Berth renders, saying what passed", () => {
    const results = checkNamespacePolicy(good, profile, { author: { teams: ["other", "hmpps-visits"] }, existingNamespaceNames: ["visits-prod"] });
    expect(results.map((r) => r.rule)).toEqual([...rules, "name-unique", "author-in-team"]);
    for (const r of results) expect(r, r.message).toMatchObject({ pass: true });
    expect(result(results, "author-in-team").message).toMatch(/member of hmpps-visits/);
    expect(result(results, "one-namespace").message).toContain("live.cloud-platform.service.justice.gov.uk/visits-dev");
  });

  it("passes every rule for the sample repository's namespaces, extras included", () => {
    // .yml manifests (a real shape the sample now has) are this check's failure; they are tested below.
    for (const ns of planSampleNamespaces({ namespaces: 80, seed: 3, profile, now: new Date("2026-01-05T09:00:00Z") }).filter((n) => !n.ymlManifests)) {
      const files = Object.entries(renderSampleFiles(ns, profile)).map(([rel, content]) => ({ path: `${namespaceFolder(ns, profile)}/${rel}`, content }));
      for (const r of checkNamespacePolicy(files, profile, { author: { teams: [ns.team.slug] } }))
        expect(r, `${ns.name}: ${r.message}`).toMatchObject({ pass: true });
    }
  });

  it("leaves out the rules whose context is not given", () => {
    expect(checkNamespacePolicy(good, profile).map((r) => r.rule)).toEqual(rules);
  });

  it("fails malformed YAML and non-mapping documents", () => {
    expect(
      failing(
        edited("05-extra.yaml", () => "kind: [unclosed\n"),
        "valid-yaml",
      ),
    ).toMatch(/05-extra\.yaml/);
    expect(
      failing(
        edited("05-extra.yaml", () => "- a list\n"),
        "valid-yaml",
      ),
    ).toMatch(/not a mapping/);
  });

  it("fails .yml files", () => {
    expect(
      failing(
        edited("05-extra.yml", () => "kind: ConfigMap\n"),
        "yaml-extension",
      ),
    ).toMatch(/05-extra\.yml: use \.yaml/);
  });

  it("fails a change that touches two namespaces or files outside any", () => {
    const other = renderNamespaceFiles({ ...request, name: "visits-staging", environment: "staging" }, profile);
    expect(failing([...good, ...other], "one-namespace")).toMatch(/2 namespaces/);
    expect(failing([...good, { path: "README.md", content: "" }], "one-namespace")).toMatch(/README\.md is outside/);
    expect(failing([], "one-namespace")).toMatch(/no file/);
  });

  it("fails missing or empty required annotations", () => {
    const message = failing(
      edited("00-namespace.yaml", (t) => t.replace(/(owner: )".*"/, '$1""').replace(/.*source-code.*\n/, "")),
      "required-annotations",
    );
    expect(message).toContain(`annotation ${P}/owner is missing or empty`);
    expect(message).toContain(`annotation ${P}/source-code is missing or empty`);
    expect(
      failing(
        good.filter((f) => !f.path.endsWith("00-namespace.yaml")),
        "required-annotations",
      ),
    ).toMatch(/no Namespace manifest/);
  });

  it("fails missing required labels", () => {
    expect(
      failing(
        edited("00-namespace.yaml", (t) => t.replace(/.*environment-name.*\n/, "")),
        "required-labels",
      ),
    ).toContain(`label ${P}/environment-name is missing`);
    expect(
      failing(
        edited("00-namespace.yaml", (t) => t.replace(/(is-production: )"false"/, '$1" "')),
        "required-labels",
      ),
    ).toContain("is-production");
  });

  it("fails pod security other than restricted", () => {
    expect(
      failing(
        edited("00-namespace.yaml", (t) => t.replace("enforce: restricted", "enforce: privileged")),
        "pod-security-restricted",
      ),
    ).toMatch(/must be "restricted", not "privileged"/);
    expect(
      failing(
        edited("00-namespace.yaml", (t) => t.replace(/.*enforce: restricted\n/, "")),
        "pod-security-restricted",
      ),
    ).toMatch(/not null/);
  });

  it("fails a business unit outside the profile's list", () => {
    expect(
      failing(
        edited("00-namespace.yaml", (t) => t.replace('"HMPPS"', '"Acme"')),
        "business-unit-allowed",
      ),
    ).toMatch(/"Acme" is not one of Central Digital/);
  });

  it("fails the forbidden monitoring label on any manifest", () => {
    const files = edited("00-namespace.yaml", (t) => t.replace("  labels:\n", "  labels:\n    component: cloud-platform-monitoring-alerts\n"));
    expect(failing(files, "no-forbidden-labels")).toMatch(/component: cloud-platform-monitoring-alerts is not allowed/);
  });

  it("fails RoleBindings to other ClusterRoles and passes the allowed ones and namespaced Roles", () => {
    expect(
      failing(
        edited("01-rbac.yaml", (t) => t.replace("name: admin", "name: cluster-admin")),
        "rolebinding-cluster-roles",
      ),
    ).toMatch(/ClusterRole "cluster-admin"; only the ClusterRoles admin, calico-network-policy-access/);
    const calico = edited("08-rbac-calico.yaml", () =>
      good.find((f) => f.path.endsWith("01-rbac.yaml"))!.content.replace("name: admin", "name: calico-network-policy-access"),
    );
    const role = edited(
      "09-rbac-role.yaml",
      () => "kind: RoleBinding\nmetadata:\n  name: r\n  namespace: visits-dev\nroleRef:\n  kind: Role\n  name: reader\n",
    );
    expect(result(checkNamespacePolicy(calico, profile), "rolebinding-cluster-roles").pass).toBe(true);
    expect(result(checkNamespacePolicy(role, profile), "rolebinding-cluster-roles").pass).toBe(true);
  });

  it.each(["ClusterRole", "ClusterRoleBinding", "ServiceAccount"])("fails a %s manifest", (kind) => {
    const message = failing(
      edited("05-extra.yaml", () => `apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: x\n`),
      "no-cluster-rbac-or-service-accounts",
    );
    expect(message).toContain(`${kind} x is not allowed`);
  });

  it("fails a metadata.name or namespace that does not match the folder", () => {
    expect(
      failing(
        edited("00-namespace.yaml", (t) => t.replace("name: visits-dev", "name: visits-other")),
        "name-matches-folder",
      ),
    ).toMatch(/metadata.name is "visits-other" but the folder is visits-dev/);
    expect(
      failing(
        edited("02-limitrange.yaml", (t) => t.replace("namespace: visits-dev", "namespace: kube-system")),
        "name-matches-folder",
      ),
    ).toMatch(/LimitRange limitrange is in namespace "kube-system"/);
  });

  it("fails a name already taken", () => {
    expect(failing(good, "name-unique", { existingNamespaceNames: new Set(["visits-dev"]) })).toMatch(/already exists/);
  });

  it("fails an author outside the team 01-rbac.yaml names", () => {
    expect(failing(good, "author-in-team", { author: { teams: ["webops"] } })).toMatch(/not a member of hmpps-visits/);
    expect(
      failing(
        good.filter((f) => !f.path.endsWith("01-rbac.yaml")),
        "author-in-team",
        { author: { teams: ["hmpps-visits"] } },
      ),
    ).toMatch(/names no github: team/);
  });

  describe("a change to an existing namespace's resources/", () => {
    const tf = [{ path: `${folder}/resources/orders_db.tf`, content: 'module "orders_db" {\n  source = "x"\n}\n' }];
    const existing = { files: ["00-namespace.yaml", "01-rbac.yaml", "resources/main.tf"], teams: ["hmpps-visits", "webops"] };

    it("passes the Namespace rules as unchanged and checks the author against the bound teams", () => {
      const results = checkNamespacePolicy(tf, profile, { author: { teams: ["webops"] }, existingNamespace: existing, existingNamespaceNames: ["visits-dev"] });
      for (const r of results) expect(r, r.rule).toMatchObject({ pass: true });
      expect(results.map((r) => r.rule)).not.toContain("name-unique");
      expect(result(results, "required-annotations").message).toBe("the change leaves 00-namespace.yaml as it is");
      expect(failing(tf, "author-in-team", { author: { teams: ["other"] }, existingNamespace: existing })).toBe(
        "the author is not a member of hmpps-visits or webops, the teams the namespace binds",
      );
    });

    it("passes without context too, as the repository's CI judges only the changed files", () => {
      for (const r of checkNamespacePolicy(tf, profile)) expect(r, r.rule).toMatchObject({ pass: true });
    });

    it("still fails a folder without 00-namespace.yaml, more than one namespace, and a change with manifests but no Namespace", () => {
      expect(failing(tf, "required-labels", { existingNamespace: { files: ["resources/main.tf"], teams: [] } })).toMatch(/no Namespace manifest/);
      expect(failing([...tf, { path: "namespaces/live-2.cloud-platform.service.justice.gov.uk/x/resources/a.tf", content: "" }], "one-namespace")).toMatch(
        /touch 2 namespaces/,
      );
      expect(failing([...tf, ...good.filter((f) => f.path.endsWith("01-rbac.yaml"))], "required-annotations", { existingNamespace: existing })).toMatch(
        /no Namespace manifest/,
      );
    });
  });
});
