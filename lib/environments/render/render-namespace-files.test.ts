import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import type { NamespaceRequest } from "../requests/namespace-request";
import { parseNamespace } from "../repository/parse-namespace";
import { cloudPlatformProfile as profile, loadProfile, type PlatformProfile } from "../profile/profile";
import { InvalidNamespaceRequestError, renderNamespaceFiles, type RepoFile } from "./render-namespace-files";
import { scanTerraformModules } from "../repository/scan-terraform-modules";
import { hostileValues } from "../testing/hostile-values";
import { loadAllYaml } from "../testing/load-all-yaml";
import { namespaceRequestFixture } from "../testing/namespace-request-fixture";

const P = profile.labelPrefix;
const LIVE = "live.cloud-platform.service.justice.gov.uk";

const request = namespaceRequestFixture({ reviewAfter: "2026-04-05" });

/** Single-line hostile text: what the schema lets through into free-text fields. */
const hostileLines = hostileValues.filter((v) => v.trim() === v && v !== "" && v.length <= 200 && !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(v));

const requests: NamespaceRequest[] = [
  request,
  { ...request, name: "visits-prod", cluster: "live-2", environment: "production", isProduction: true, reviewAfter: "", businessUnit: "Central Digital" },
  { ...request, name: "1", application: '${file("/etc/passwd")}', serviceArea: "%{ if true }x%{ endif }", ownerName: 'Team "A": injected: key' },
  {
    ...request,
    name: "no",
    application: "\\n  malicious: true",
    ownerName: "&a !!python/object:os.system ---",
    sourceCode: "https://example.org/a?b=c&d=${x}#%{y}",
  },
  { ...request, name: "a".repeat(63), application: "Zoë 🚢 — équipe 日本", serviceArea: "x".repeat(200), slackChannel: "team_chan-1" },
  ...hostileLines.map((text, i) => ({ ...request, name: `hostile-${i}`, application: text, serviceArea: text, ownerName: text })),
];

function folderFiles(files: RepoFile[], req: NamespaceRequest, p: PlatformProfile = profile): Record<string, string> {
  const domain = p.clusters.find((c) => c.name === req.cluster)!.domain;
  const prefix = `${p.namespacesDir}/${domain}/${req.name}/`;
  return Object.fromEntries(
    files.map((f) => {
      expect(f.path.startsWith(prefix)).toBe(true);
      return [f.path.slice(prefix.length), f.content];
    }),
  );
}

/** The string defaults of variables.tf, decoded by the repository's HCL scanner. */
function variableDefaults(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /variable "([a-z_]+)" \{\n(?: {2}(?!default)[^\n]*\n)*  default {5}= ("(?:[^"\\\n]|\\.)*")\n/g;
  for (const m of text.matchAll(re)) {
    const scan = scanTerraformModules(`module "m" {\n  source = ${m[2]}\n}\n`);
    expect(scan.problems).toEqual([]);
    out[m[1]!] = scan.modules[0]!.source!;
  }
  return out;
}

describe("renderNamespaceFiles", () => {
  it("writes the eight standard files under namespaces/<domain>/<name>/, sorted", () => {
    const files = renderNamespaceFiles(request, profile);
    expect(files.map((f) => f.path)).toEqual(
      [
        "00-namespace.yaml",
        "01-rbac.yaml",
        "02-limitrange.yaml",
        "03-resourcequota.yaml",
        "04-networkpolicy.yaml",
        "resources/main.tf",
        "resources/variables.tf",
        "resources/versions.tf",
      ].map((f) => `namespaces/${LIVE}/book-a-visit-dev/${f}`),
    );
    for (const f of files) expect(f.content.endsWith("\n")).toBe(true);
    expect(renderNamespaceFiles(request, profile)).toEqual(files);
  });

  it("writes 00-namespace.yaml exactly in the repository's format", () => {
    expect(folderFiles(renderNamespaceFiles(request, profile), request)["00-namespace.yaml"]).toBe(`apiVersion: v1
kind: Namespace
metadata:
  name: book-a-visit-dev
  labels:
    ${P}/is-production: "false"
    ${P}/environment-name: "development"
    pod-security.kubernetes.io/enforce: restricted
  annotations:
    ${P}/business-unit: "HMPPS"
    ${P}/slack-channel: "visits-dev"
    ${P}/application: "Book a prison visit"
    ${P}/owner: "Visits team: visits@example.gov.uk"
    ${P}/source-code: "https://github.com/ministryofjustice/book-a-visit"
    ${P}/team-name: "hmpps-visits"
    ${P}/review-after: "2026-04-05"
`);
  });

  it("writes the RBAC, limits, quota and network policies the format describes", () => {
    const files = folderFiles(renderNamespaceFiles(request, profile), request);
    const [binding] = loadAllYaml(files["01-rbac.yaml"]!) as Record<string, unknown>[];
    expect(binding).toEqual({
      kind: "RoleBinding",
      apiVersion: "rbac.authorization.k8s.io/v1",
      metadata: { name: "book-a-visit-dev-admin", namespace: "book-a-visit-dev" },
      subjects: [{ kind: "Group", name: "github:hmpps-visits", apiGroup: "rbac.authorization.k8s.io" }],
      roleRef: { kind: "ClusterRole", name: "admin", apiGroup: "rbac.authorization.k8s.io" },
    });
    expect(parse(files["02-limitrange.yaml"]!)).toMatchObject({
      kind: "LimitRange",
      metadata: { name: "limitrange", namespace: "book-a-visit-dev" },
      spec: { limits: [{ default: { cpu: "1000m", memory: "1000Mi" }, defaultRequest: { cpu: "10m", memory: "100Mi" }, type: "Container" }] },
    });
    expect(parse(files["03-resourcequota.yaml"]!)).toMatchObject({
      kind: "ResourceQuota",
      metadata: { name: "namespace-quota" },
      spec: { hard: { pods: "50" } },
    });
    const policies = loadAllYaml(files["04-networkpolicy.yaml"]!) as { metadata: { name: string }; spec: unknown }[];
    expect(policies.map((p) => p.metadata.name)).toEqual(["default", "allow-ingress-controllers"]);
    expect(policies[0]!.spec).toEqual({ podSelector: {}, policyTypes: ["Ingress"], ingress: [{ from: [{ podSelector: {} }] }] });
    expect(policies[1]!.spec).toEqual({
      podSelector: {},
      policyTypes: ["Ingress"],
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { component: "ingress-controllers" } } }] }],
    });
  });

  it("writes main.tf, variables.tf and versions.tf as the format describes", () => {
    const files = folderFiles(renderNamespaceFiles(request, profile), request);
    const main = files["resources/main.tf"]!;
    expect(main).toMatch(/^terraform \{\n {2}backend "s3" \{\}\n\}\n/);
    expect(main.match(/provider "aws" \{/g)).toHaveLength(3);
    expect(main).toContain('  alias  = "london"\n  region = "eu-west-2"');
    expect(main).toContain('  alias  = "ireland"\n  region = "eu-west-1"');
    expect(main.match(/default_tags \{/g)).toHaveLength(3);
    expect(main).toContain('provider "github" {\n  owner = var.github_owner\n  token = var.github_token\n}');
    expect(main).toContain('provider "kubernetes" {}');
    const versions = files["resources/versions.tf"]!;
    expect(versions).toContain('required_version = ">= 1.2.5"');
    expect(versions).toContain('source  = "hashicorp/aws"\n      version = "~> 5.78.0"');
    expect(versions).toContain('source  = "integrations/github"\n      version = "~> 6.6.0"');
    expect(versions).toContain('source  = "hashicorp/kubernetes"\n      version = "~> 2.23.0"');
    const variables = files["resources/variables.tf"]!;
    expect([...variables.matchAll(/^variable "([a-z_]+)"/gm)].map((m) => m[1])).toEqual([
      "vpc_name",
      "kubernetes_cluster",
      "application",
      "namespace",
      "service_area",
      "business_unit",
      "team_name",
      "environment",
      "infrastructure_support",
      "is_production",
      "slack_channel",
      "github_owner",
      "github_token",
    ]);
    expect(variableDefaults(variables)).toEqual({
      application: "Book a prison visit",
      namespace: "book-a-visit-dev",
      service_area: "Prisons",
      business_unit: "HMPPS",
      team_name: "hmpps-visits",
      environment: "development",
      infrastructure_support: "visits@example.gov.uk",
      is_production: "false",
      slack_channel: "visits-dev",
      github_owner: "ministryofjustice",
      github_token: "",
    });
    expect(variables).toMatch(/variable "github_token" \{[^}]*sensitive {3}= true\n\}/);
  });

  it.each(requests.map((r) => [r.name.slice(0, 20), r]))("reads back through parseNamespace with exactly the request and no problems: %s", (_, req) => {
    const files = folderFiles(renderNamespaceFiles(req, profile), req);
    const domain = profile.clusters.find((c) => c.name === req.cluster)!.domain;
    const record = parseNamespace({ files, profile, clusterDomain: domain, name: req.name });
    expect(record.problems).toEqual([]);
    expect(record).toMatchObject({
      cluster: req.cluster,
      clusterDomain: domain,
      name: req.name,
      businessUnit: req.businessUnit,
      environment: req.environment,
      isProduction: req.isProduction,
      application: req.application,
      owner: `${req.ownerName}: ${req.ownerEmail}`,
      teams: [req.team],
      slackChannel: req.slackChannel,
      sourceCode: req.sourceCode,
      reviewAfter: req.reviewAfter === "" ? null : req.reviewAfter,
      modules: [],
    });
    // No extra keys: the Namespace carries exactly the format's labels and annotations.
    const [ns] = loadAllYaml(files["00-namespace.yaml"]!) as { metadata: Record<string, Record<string, string>> }[];
    expect(Object.keys(ns!.metadata)).toEqual(["name", "labels", "annotations"]);
    expect(Object.keys(ns!.metadata.labels!)).toEqual([`${P}/is-production`, `${P}/environment-name`, "pod-security.kubernetes.io/enforce"]);
    expect(ns!.metadata.annotations![`${P}/team-name`]).toBe(req.team);
    expect(Object.keys(ns!.metadata.annotations!)).toHaveLength(7);
    for (const file of ["01-rbac.yaml", "02-limitrange.yaml", "03-resourcequota.yaml"]) {
      expect((parse(files[file]!) as { metadata: { namespace: string } }).metadata.namespace).toBe(req.name);
    }
    const defaults = variableDefaults(files["resources/variables.tf"]!);
    expect(defaults).toMatchObject({
      application: req.application,
      service_area: req.serviceArea,
      namespace: req.name,
      infrastructure_support: req.ownerEmail,
    });
    expect(Object.keys(defaults)).toHaveLength(11);
    for (const tf of ["resources/main.tf", "resources/variables.tf", "resources/versions.tf"]) expect(scanTerraformModules(files[tf]!).problems).toEqual([]);
  });

  it("refuses an invalid request with field errors instead of writing it", () => {
    const bad = { ...request, application: "one\ntwo", name: "Bad Name" };
    expect(() => renderNamespaceFiles(bad, profile)).toThrow(InvalidNamespaceRequestError);
    try {
      renderNamespaceFiles(bad, profile);
    } catch (error) {
      expect(Object.keys((error as InvalidNamespaceRequestError).fields).sort()).toEqual(["application", "name"]);
    }
    expect(() => renderNamespaceFiles({ ...request, cluster: "mars" }, profile)).toThrow(/cluster/);
    expect(() => renderNamespaceFiles({ ...request, ownerName: "x\u0000" }, profile)).toThrow(/ownerName/);
  });

  it("follows another platform's profile", () => {
    const other = loadProfile(undefined);
    const custom: PlatformProfile = {
      ...other,
      namespacesDir: "./envs/",
      labelPrefix: "platform.example.org",
      clusters: [{ name: "prod", domain: "prod.k8s.example.org" }],
      businessUnits: ["Payments"],
      defaults: { githubOwner: "example", reviewAfterMonths: 1 },
      namespaceTemplate: {
        ...other.namespaceTemplate,
        podsQuota: 20,
        ingressControllerLabels: { "example.org/role": "ingress" },
        terraform: {
          ...other.namespaceTemplate.terraform,
          awsRegion: "us-east-1",
          awsAliases: { virginia: "us-east-1" },
          sourceCodeTag: 'github.com/example/envs "x"',
        },
      },
    };
    const req = { ...request, cluster: "prod", businessUnit: "Payments" };
    const files = renderNamespaceFiles(req, custom);
    expect(files[0]!.path).toBe("envs/prod.k8s.example.org/book-a-visit-dev/00-namespace.yaml");
    const byName = folderFiles(files, req, { ...custom, namespacesDir: "envs" });
    expect(byName["00-namespace.yaml"]).toContain('platform.example.org/business-unit: "Payments"');
    expect(byName["03-resourcequota.yaml"]).toContain('pods: "20"');
    expect(byName["04-networkpolicy.yaml"]).toContain("example.org/role: ingress");
    expect(byName["resources/main.tf"]!.match(/provider "aws" \{/g)).toHaveLength(2);
    expect(byName["resources/main.tf"]).toContain('source-code   = "github.com/example/envs \\"x\\""');
    const record = parseNamespace({ files: byName, profile: custom, clusterDomain: "prod.k8s.example.org", name: req.name });
    expect(record.problems).toEqual([]);
    expect(record.businessUnit).toBe("Payments");
  });
});
