import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { editOperations } from "../environments/edit/operations";
import { cloudPlatformProfile as profile } from "../environments/profile/profile";
import { defaultSampleNow, generateSampleRepo } from "../environments/sample/generate-sample-repo";
import { planSampleNamespaces } from "../environments/sample/plan-sample-namespaces";
import { namespaceFolder, renderNamespaceFiles } from "../environments/sample/render-namespace-files";
import { editCommand } from "./edit";
import { listFiles, writeAnswersFile } from "./testing/scratch-files";

const ROOT = path.resolve(__dirname, "../..");
const scratch = mkdtempSync(path.join(tmpdir(), "berth-edit-"));
const repoDir = path.join(scratch, "repo");
const plan = planSampleNamespaces({ namespaces: 60, seed: 1, profile, now: defaultSampleNow });
const P = profile.labelPrefix;

beforeAll(async () => {
  await generateSampleRepo({ dir: repoDir, namespaces: 60, seed: 1 });
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let runs = 0;
async function edit(operation: string, namespace: string, answers: unknown) {
  const out = path.join(scratch, `out-${++runs}`);
  let stdout = "";
  let stderr = "";
  const args = [operation, "--repo", repoDir, "--namespace", namespace, "--answers", writeAnswersFile(scratch, `answers-${runs}.json`, answers), "--out", out];
  const code = await editCommand.run(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr, out, written: listFiles(out) };
}

const live = plan.find((ns) => ns.clusterDomain === profile.clusters[0]!.domain && ns.extraTeams.length === 0 && !ns.isProduction)!;
const withOwnFile = plan.find((ns) => ns.extraTeams.some((t) => t.ownFile))!;
const files = (ns: (typeof plan)[number]) => renderNamespaceFiles(ns, profile);

describe("berth edit (against a generated sample repository)", () => {
  it("bump-module: moves the module's old pins, only their ref, and names what it leaves; default-tags finds nothing to add in a new namespace", async () => {
    const latest = profile.modules.serviceaccount!.latest;
    const lagging = plan.find((ns) =>
      Object.entries(files(ns)).some(([f, t]) => f.endsWith(".tf") && /cloud-platform-terraform-serviceaccount\?ref=(?!1\.2\.0")/.test(t)),
    )!;
    expect(lagging).toBeDefined();
    const result = await edit("bump-module", `live/${lagging.name}`, { module: "serviceaccount", version: latest });
    expect(result.code).toBe(0);
    expect(result.written.length).toBeGreaterThan(0);
    for (const file of result.written) {
      const before = files(lagging)[file.slice(namespaceFolder(lagging, profile).length + 1)]!;
      const after = readFileSync(path.join(result.out, file), "utf8");
      expect(after).toBe(before.replace(/(cloud-platform-terraform-serviceaccount\?ref=)[^"]+/g, `$1${latest}`));
      expect(after).not.toBe(before);
    }
    expect(result.stderr).toMatch(/^note: .* -> 1\.2\.0$/m);

    const refused = await edit("bump-module", `live/${lagging.name}`, { module: "serviceaccount", version: "7.0.0" });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^version: the catalogue knows serviceaccount at /);
    expect(refused.written).toEqual([]);

    const tags = await edit("default-tags", `live/${live.name}`, {});
    expect(tags.code).toBe(0);
    expect(tags.written).toEqual([]);
    expect(tags.stderr).toContain("already has business-unit, application");
  });

  it("metadata: writes only 00-namespace.yaml, with only the changed values different", async () => {
    const result = await edit("metadata", `live/${live.name}`, { slackChannel: "#new-channel", application: "A new name" });
    expect(result.stderr).toBe(
      `note: resources/variables.tf still sets slack_channel's default to "${live.slackChannel}"; this edit changes only the Namespace manifest.\n` +
        `note: resources/variables.tf still sets application's default to "${live.application}"; this edit changes only the Namespace manifest.\n`,
    );
    expect(result.code).toBe(0);
    const file = `${namespaceFolder(live, profile)}/00-namespace.yaml`;
    expect(result.stdout).toBe(`${file}\n`);
    expect(result.written).toEqual([file]);
    const before = files(live)["00-namespace.yaml"]!;
    const expected = before.replace(/(slack-channel: ).*/, '$1"new-channel"').replace(/(application: ).*/, '$1"A new name"');
    expect(readFileSync(path.join(result.out, file), "utf8")).toBe(expected);
  });

  it("access: adds a team to 01-rbac.yaml; a team's own binding file is deleted, listed and not written", async () => {
    const added = await edit("access", `${live.clusterDomain}/${live.name}`, { add: ["new-team"] });
    expect(added.code).toBe(0);
    const rbac = `${namespaceFolder(live, profile)}/01-rbac.yaml`;
    expect(added.written).toEqual([rbac]);
    expect(readFileSync(path.join(added.out, rbac), "utf8")).toBe(
      `${files(live)["01-rbac.yaml"]!.replace("roleRef:", '  - kind: Group\n    name: "github:new-team"\n    apiGroup: rbac.authorization.k8s.io\nroleRef:')}`,
    );
    const extra = withOwnFile.extraTeams.find((t) => t.ownFile)!.team.slug;
    const removed = await edit("access", `${withOwnFile.clusterDomain}/${withOwnFile.name}`, { remove: [extra] });
    expect(removed).toMatchObject({ code: 0, stdout: `deleted ${namespaceFolder(withOwnFile, profile)}/07-rbac-${extra}.yaml\n`, written: [] });
  });

  it("refuses with field errors and writes nothing: the last admin team, bad answers, an unknown namespace", async () => {
    const last = await edit("access", `live/${live.name}`, { remove: [live.team.slug] });
    expect(last).toMatchObject({ code: 1, written: [], stdout: "" });
    expect(last.stderr).toMatch(/^remove: .*must keep at least one team bound to admin/);
    const bad = await edit("metadata", `live/${live.name}`, { slackChannel: "Not A Channel", colour: "red" });
    expect(bad).toMatchObject({ code: 1, written: [] });
    expect(bad.stderr).toBe(`slackChannel: ${bad.stderr.split("\n")[0]!.slice("slackChannel: ".length)}\ncolour: not a field of a metadata edit\n`);
    const missing = await edit("metadata", `live-2/${live.name}`, { team: "x" });
    expect(missing).toMatchObject({
      code: 1,
      written: [],
      stderr: `namespace: there is no namespace ${live.name} in cluster live-2 at commit ${missing.stderr.match(/commit (\w+)/)![1]}; it is in live\n`,
    });
  });

  it("an edit that changes nothing writes nothing and says so", async () => {
    const same = await edit("metadata", `live/${live.name}`, { team: live.team.slug, isProduction: false });
    expect(same).toMatchObject({ code: 0, stdout: "", written: [] });
    expect(same.stderr).toMatch(/nothing to change/);
  });

  it("flags is-production for review on stderr", async () => {
    const result = await edit("metadata", `live/${live.name}`, { isProduction: true, reviewAfter: "" });
    expect(result.code).toBe(0);
    expect(result.stderr.split("\n")[0]).toMatch(/^note: Flagged for review: this changes whether .* is production \(is-production: false -> true\)\.$/);
    const text = readFileSync(path.join(result.out, `${namespaceFolder(live, profile)}/00-namespace.yaml`), "utf8");
    expect(text).toContain(`${P}/is-production: "true"`);
  });

  it("runs as the berth binary; an unknown operation is a usage error (exit 2)", () => {
    const result = spawnSync(path.join(ROOT, "node_modules/.bin/tsx"), [path.join(ROOT, "lib/cli/main.ts"), "edit", "frobnicate"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/cannot edit "frobnicate"; operations: metadata, access, resource, remove, decommission/);
  });

  it("dispatches the other operations through editOperations: decommission's own field error, and a first step that deletes files", async () => {
    expect(Object.keys(editOperations).sort()).toEqual(["access", "bump-module", "decommission", "default-tags", "metadata", "remove", "resource"]);
    const wrong = await edit("decommission", `live/${live.name}`, { confirm: "something-else" });
    expect(wrong).toMatchObject({ code: 1, written: [], stdout: "", stderr: `confirm: type the namespace's name, ${live.name}, to confirm\n` });
    const step = await edit("decommission", `live/${live.name}`, { confirm: live.name });
    expect(step.code).toBe(0);
    const listed = step.stdout.split("\n").filter(Boolean);
    expect(listed.length).toBeGreaterThan(0);
    // Written files are the listed ones not marked deleted; deleted ones are listed only.
    expect(step.written.sort()).toEqual(listed.filter((l) => !l.startsWith("deleted ")).sort());
  });
});
