import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateSampleRepo } from "../environments/sample/generate-sample-repo";
import { cloudPlatformNamespace, moduleBlock } from "../environments/testing/cloud-platform-namespace";
import { checkCommand } from "./check";

const LIVE = "live.cloud-platform.service.justice.gov.uk";
let repo: string;

async function check(...args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await checkCommand.run(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

function writeFolder(name: string, files: Record<string, string>) {
  for (const [rel, text] of Object.entries(files)) {
    const file = path.join(repo, "namespaces", LIVE, name, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}

type Json = { namespaces: { cluster: string; name: string; checks: { id: string; status: string; message: string; file: string | null }[] }[] };

beforeAll(async () => {
  repo = path.join(mkdtempSync(path.join(tmpdir(), "berth-check-")), "environments");
  await generateSampleRepo({ dir: repo, namespaces: 40, seed: 5 });
});
afterAll(() => rmSync(path.dirname(repo), { recursive: true, force: true }));

describe("berth check", () => {
  it("passes every namespace of a generated sample repository: no failure, lagging modules only warned", async () => {
    const { code, stdout } = await check("--repo", repo, "--json");
    const json = JSON.parse(stdout) as Json;
    // The 40 namespaces and the platform's own monitoring folder (no Namespace document), checked like any folder.
    expect(json.namespaces).toHaveLength(41);
    expect(json.namespaces.map((n) => n.name)).toContain("monitoring");
    expect(json.namespaces.flatMap((n) => n.checks.filter((c) => c.status === "fail"))).toEqual([]);
    // Warnings only: lagging modules, .yml manifests, platform folders binding no team, IAM text.
    const warned = new Set(json.namespaces.flatMap((n) => n.checks.filter((c) => c.status === "warn").map((c) => c.id)));
    expect(warned).toContain("check-terraform-module-version");
    for (const id of warned)
      expect(["check-terraform-module-version", "rego-namespace-policy", "check-permissions", "iam-role-policy-changes-check"]).toContain(id);
    expect(json.namespaces[0]).toEqual({
      cluster: expect.any(String),
      name: expect.any(String),
      checks: expect.arrayContaining([expect.objectContaining({ id: "malformed-yaml", status: "pass" })]),
    });
    expect(code).toBe(0);
  });

  it("fails only the namespaces that break a rule; a .yml manifest and a platform folder without a Namespace are not failures", async () => {
    const good = cloudPlatformNamespace("zz-good", { teams: ["zz-team"] });
    writeFolder("zz-good", { ...good, "05-extra.yml": "kind: ConfigMap\nmetadata:\n  name: c\n" });
    writeFolder("zz-monitoring", { "prometheus-rules.yaml": "apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: r\n" });
    writeFolder("zz-bad-unit", cloudPlatformNamespace("zz-bad-unit", { businessUnit: "Acme" }));
    writeFolder("zz-cluster-rbac", { ...cloudPlatformNamespace("zz-cluster-rbac"), "06-crb.yaml": "kind: ClusterRoleBinding\nmetadata:\n  name: x\n" });
    writeFolder("zz-malformed", { ...cloudPlatformNamespace("zz-malformed"), "07-x.yaml": "kind: [unclosed\n" });
    writeFolder("zz-tf-namespace", {
      ...cloudPlatformNamespace("zz-tf-namespace"),
      "resources/variables.tf": 'variable "namespace" {\n  default = "someone-else"\n}\n',
      "resources/sqs.tf": moduleBlock("q", "sqs", "5.1.2"),
    });
    const { code, stdout } = await check("--repo", repo, "--json");
    const json = JSON.parse(stdout) as Json;
    const of = (name: string) => json.namespaces.find((n) => n.name === name)!.checks.filter((c) => c.status !== "pass");
    expect(json.namespaces.filter((n) => n.checks.some((c) => c.status === "fail")).map((n) => n.name)).toEqual([
      "zz-bad-unit",
      "zz-cluster-rbac",
      "zz-malformed",
      "zz-tf-namespace",
    ]);
    expect(of("zz-good")).toEqual([
      {
        id: "rego-namespace-policy",
        status: "warn",
        message: expect.stringContaining("05-extra.yml escapes the policy check"),
        file: `namespaces/${LIVE}/zz-good/05-extra.yml`,
      },
    ]);
    expect(of("zz-monitoring")).toEqual([expect.objectContaining({ id: "check-permissions", status: "warn" })]);
    expect(of("zz-bad-unit")).toEqual([expect.objectContaining({ id: "rego-namespace-policy", status: "fail", message: expect.stringContaining('"Acme"') })]);
    expect(of("zz-cluster-rbac")).toEqual([
      expect.objectContaining({ id: "rego-namespace-policy", message: expect.stringContaining("ClusterRoleBinding x is not allowed") }),
    ]);
    expect(of("zz-malformed")).toEqual([expect.objectContaining({ id: "malformed-yaml", status: "fail" })]);
    expect(of("zz-tf-namespace")).toEqual([expect.objectContaining({ id: "compare-namespaces", status: "fail" })]);
    expect(code).toBe(1);

    const one = await check("--repo", repo, "--namespace", "live/zz-bad-unit");
    expect(one.stdout).toMatch(
      /^1 namespaces checked: 1 fail, 0 pass with warnings\nlive\/zz-bad-unit\n  FAIL rego-namespace-policy: 00-namespace.yaml: business unit "Acme"/,
    );
  });

  it("refuses bad arguments", async () => {
    await expect(check()).rejects.toThrow(/--repo/);
    await expect(check("--repo", repo, "--namespace", "nope")).rejects.toThrow(/<cluster>\/<name>/);
    await expect(check("--repo", repo, "--namespace", "live/absent")).rejects.toThrow(/no namespace live\/absent/);
  });
});
