import { describe, expect, it } from "vitest";
import { cloudPlatformProfile as profile } from "../profile/profile";
import { renderNamespaceFiles } from "../render/render-namespace-files";
import { changeFixture, LIVE } from "../testing/change-fixture";
import { namespaceRequestFixture } from "../testing/namespace-request-fixture";
import { regoNamespacePolicy } from "./rego-namespace-policy";

const P = profile.labelPrefix;
const folder = `${LIVE}/book-a-visit-dev`;
const good = Object.fromEntries(renderNamespaceFiles(namespaceRequestFixture(), profile).map((f) => [f.path, f.content]));
const ns = good[`${folder}/00-namespace.yaml`]!;
const run = (files: Record<string, string | null>) => regoNamespacePolicy(changeFixture(files), profile);
const failures = (files: Record<string, string | null>) =>
  run(files)
    .filter((r) => r.status === "fail")
    .map((r) => r.message);

describe("rego-namespace-policy", () => {
  it("passes every document Berth renders for a new namespace", () => {
    expect(run(good)).toEqual([{ id: "rego-namespace-policy", status: "pass", message: expect.stringMatching(/YAML documents pass/), file: null }]);
  });

  it("fails a Namespace missing or emptying a required annotation or label, naming each", () => {
    const text = ns
      .replace(/(owner: )".*"/, '$1""')
      .replace(/.*source-code.*\n/, "")
      .replace(/.*environment-name.*\n/, "");
    expect(failures({ [`${folder}/00-namespace.yaml`]: text })).toEqual([
      `00-namespace.yaml: annotation ${P}/owner is missing or empty`,
      `00-namespace.yaml: annotation ${P}/source-code is missing or empty`,
      `00-namespace.yaml: label ${P}/environment-name is missing or empty`,
    ]);
  });

  it("fails pod security other than restricted, and a business unit outside the list", () => {
    const text = ns.replace("enforce: restricted", "enforce: privileged").replace('"HMPPS"', '"Acme"');
    expect(failures({ [`${folder}/00-namespace.yaml`]: text })).toEqual([
      '00-namespace.yaml: label pod-security.kubernetes.io/enforce must be "restricted", not "privileged"',
      expect.stringMatching(/business unit "Acme" is not one of Central Digital, CICA/),
    ]);
  });

  it("fails the monitoring-alerts label", () => {
    const text = ns.replace("  labels:\n", "  labels:\n    component: cloud-platform-monitoring-alerts\n");
    expect(failures({ [`${folder}/00-namespace.yaml`]: text })).toEqual([
      expect.stringMatching(/label component: cloud-platform-monitoring-alerts is not allowed/),
    ]);
  });

  it("allows RoleBindings to admin, calico-network-policy-access and namespaced Roles, and fails other ClusterRoles", () => {
    const binding = (kind: string, name: string) => `kind: RoleBinding\nmetadata:\n  name: b\nroleRef:\n  kind: ${kind}\n  name: ${name}\n`;
    expect(
      failures({
        [`${folder}/05-rbac.yaml`]: [binding("ClusterRole", "admin"), binding("ClusterRole", "calico-network-policy-access"), binding("Role", "reader")].join(
          "---\n",
        ),
      }),
    ).toEqual([]);
    expect(failures({ [`${folder}/05-rbac.yaml`]: binding("ClusterRole", "cluster-admin") })).toEqual([
      expect.stringMatching(/RoleBinding b references ClusterRole "cluster-admin"; only admin, calico-network-policy-access are allowed/),
    ]);
  });

  it.each(["ClusterRole", "ClusterRoleBinding", "ServiceAccount"])("fails a %s document, even as the second document of a file", (kind) => {
    expect(failures({ [`${folder}/05-extra.yaml`]: `kind: ConfigMap\nmetadata:\n  name: c\n---\nkind: ${kind}\nmetadata:\n  name: x\n` })).toEqual([
      expect.stringContaining(`${kind} x is not allowed`),
    ]);
  });

  it("reads only *.yaml: a .yml manifest is a warning that it escapes the check, not a failure", () => {
    const results = run({ [`${folder}/05-extra.yml`]: "kind: ClusterRole\nmetadata:\n  name: x\n" });
    expect(results).toEqual([expect.objectContaining({ status: "warn", message: expect.stringMatching(/05-extra\.yml escapes the policy check/) })]);
  });

  it("judges documents, not folders: a change with no Namespace document (resources, a platform folder) passes", () => {
    expect(run({ [`${folder}/resources/sqs.tf`]: 'module "q" {}\n' })[0]).toMatchObject({
      status: "pass",
      message: "the change has no *.yaml manifest to check",
    });
    expect(failures({ [`${LIVE}/monitoring/prometheus-rules.yaml`]: "kind: PrometheusRule\nmetadata:\n  name: r\n" })).toEqual([]);
  });

  it("ignores deleted files and documents that do not parse (malformed-yaml reports those)", () => {
    expect(failures({ [`${folder}/00-namespace.yaml`]: null, [`${folder}/05-x.yaml`]: "kind: [unclosed\n" })).toEqual([]);
  });
});
