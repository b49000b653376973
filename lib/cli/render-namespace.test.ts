import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cloudPlatformProfile as profile } from "../environments/profile/profile";
import { renderNamespaceFiles } from "../environments/render/render-namespace-files";
import { UsageError } from "./command";
import { renderCommand } from "./render";
import { namespaceRequestFixture } from "../environments/testing/namespace-request-fixture";
import { listFiles, writeAnswersFile } from "./testing/scratch-files";

const ROOT = path.resolve(__dirname, "../..");
const LIVE = "live.cloud-platform.service.justice.gov.uk";
const LIVE2 = "live-2.cloud-platform.service.justice.gov.uk";
const scratch = mkdtempSync(path.join(tmpdir(), "berth-render-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const answers = namespaceRequestFixture({
  name: "visits-dev",
  application: 'Book a visit ${file("/etc/passwd")} ": injected',
  slackChannel: "#visits-dev",
  reviewAfter: "2026-04-05",
});

function berth(...args: string[]) {
  const result = spawnSync(path.join(ROOT, "node_modules/.bin/tsx"), [path.join(ROOT, "lib/cli/main.ts"), ...args], { cwd: ROOT, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const answersFile = (name: string, content: unknown) => writeAnswersFile(scratch, name, content);

describe("berth render namespace (end to end)", () => {
  it("writes exactly the pull request's files under <out>/namespaces/<domain>/<name>/", () => {
    const out = path.join(scratch, "out");
    const result = berth("render", "namespace", "--answers", answersFile("good.json", answers), "--out", out);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const expected = renderNamespaceFiles({ ...answers, slackChannel: "visits-dev" }, profile);
    expect(result.stdout).toBe(expected.map((f) => `${f.path}\n`).join(""));
    expect(listFiles(out).sort()).toEqual(expected.map((f) => f.path).sort());
    for (const f of expected) expect(readFileSync(path.join(out, f.path), "utf8")).toBe(f.content);
    expect(expected[0]!.path).toBe(`namespaces/${LIVE}/visits-dev/00-namespace.yaml`);
  });

  it("prints field errors one per line, exits 1 and writes nothing for invalid answers", () => {
    const out = path.join(scratch, "invalid");
    const result = berth(
      "render",
      "namespace",
      "--answers",
      answersFile("bad.json", { ...answers, name: "Visits", application: "a\nb", ownerEmail: "nope" }),
      "--out",
      out,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.split("\n").filter(Boolean)).toEqual([
      "name: use only lower-case letters, digits and hyphens",
      "application: the application name must be a single line, without line breaks, tabs or other control characters",
      "ownerEmail: the team's email address is not a valid email address",
    ]);
    expect(listFiles(out)).toEqual([]);
  });

  it("reports bad JSON and a missing answers file as the answers field, writing nothing", () => {
    const out = path.join(scratch, "nothing");
    const bad = berth("render", "namespace", "--answers", answersFile("broken.json", "{ name: "), "--out", out);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^answers: .*broken\.json is not valid JSON \(.+\)\n$/);
    const missing = berth("render", "namespace", "--answers", path.join(scratch, "absent.json"), "--out", out);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^answers: .*absent\.json does not exist\n$/);
    const notObject = berth("render", "namespace", "--answers", answersFile("list.json", [1]), "--out", out);
    expect(notObject.stderr).toMatch(/^request: expected an object/);
    expect(listFiles(out)).toEqual([]);
  });

  it("refuses a name already used in any cluster of the checkout it writes into", () => {
    const out = path.join(scratch, "checkout");
    mkdirSync(path.join(out, "namespaces", LIVE2, "visits-dev"), { recursive: true });
    writeFileSync(path.join(out, "namespaces", LIVE2, "visits-dev", "00-namespace.yaml"), "kind: Namespace\n");
    const result = berth("render", "namespace", "--answers", answersFile("taken.json", answers), "--out", out);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`name: visits-dev already exists in ${LIVE2}; names are unique across all clusters\n`);
    expect(listFiles(out)).toEqual([`namespaces/${LIVE2}/visits-dev/00-namespace.yaml`]);
  });

  it("follows --profile", () => {
    const profileFile = answersFile("profile.json", {
      ...profile,
      namespaceTemplate: undefined,
      policy: undefined,
      namespacesDir: "envs",
      clusters: [{ name: "prod", domain: "prod.example.org" }],
      businessUnits: ["Payments"],
    });
    const out = path.join(scratch, "profiled");
    const result = berth(
      "render",
      "namespace",
      "--answers",
      answersFile("p.json", { ...answers, cluster: "prod", businessUnit: "Payments" }),
      "--out",
      out,
      "--profile",
      profileFile,
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(listFiles(out)).toContain("envs/prod.example.org/visits-dev/00-namespace.yaml");
  });

  it("answers usage errors with exit 2", () => {
    expect(berth("render").code).toBe(2);
    const unknown = berth("render", "bogus");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/cannot render "bogus"; kinds: namespace, resource/);
    expect(berth("render", "namespace", "--answers", "x.json").stderr).toMatch(/--out <dir> is required/);
    expect(berth("--help").stdout).toMatch(/render +write the files a request would add/);
  });
});

describe("renderCommand", () => {
  const io = { stdout: () => {}, stderr: () => {} };
  it("dispatches on its first argument and rejects unknown kinds as usage errors", async () => {
    await expect(renderCommand.run([], io)).rejects.toThrow(UsageError);
    await expect(renderCommand.run(["toString"], io)).rejects.toThrow(/cannot render/);
    await expect(renderCommand.run(["namespace"], io)).rejects.toThrow(/--answers/);
    await expect(renderCommand.run(["namespace", "--answers", "a", "--out", "b", "--bogus"], io)).rejects.toThrow(UsageError);
  });
});
