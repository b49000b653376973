import { latestVersion } from "../environments/profile/module-version";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildIndex } from "../environments/repository/build-index";
import { pinStatus } from "../environments/profile/module-version";
import { cloudPlatformProfile as profile } from "../environments/profile/profile";
import { generateSampleRepo } from "../environments/sample/generate-sample-repo";
import { scanTerraformModules } from "../environments/repository/scan-terraform-modules";
import { cloudPlatformNamespace } from "../environments/testing/cloud-platform-namespace";
import { createTestRepo, type TestRepo } from "../environments/testing/git-repo";
import { renderCommand } from "./render";
import { listFiles, writeAnswersFile } from "./testing/scratch-files";

const ROOT = path.resolve(__dirname, "../..");
const LIVE = "live.cloud-platform.service.justice.gov.uk";
const scratch = mkdtempSync(path.join(tmpdir(), "berth-render-resource-"));

/** A namespace written by hand long ago: comments, tabs, CRLF, a git:: source, a pin in a comment. */
const legacyQueues = [
  "# Orders queues -- do not edit without talking to #orders (was ?ref=4.0.0)",
  'module "orders_queue"{',
  '\tsource    =   "git::https://github.com/ministryofjustice/cloud-platform-terraform-sqs.git?ref=5.0.0"\r',
  '  sqs_name = "orders" # legacy name',
  "  team_name = var.team_name",
  "  namespace = var.namespace",
  "}",
  "",
  'resource "kubernetes_secret" "orders_queue" {',
  '  metadata { name = "orders-queue"\n namespace = var.namespace }',
  "  data = { sqs_arn = module.orders_queue.sqs_arn }",
  "}",
  "",
].join("\n");

let repo: TestRepo;
beforeAll(() => {
  repo = createTestRepo();
  const files = cloudPlatformNamespace("orders-dev", { resources: { "queues.tf": legacyQueues } });
  repo.commit(Object.fromEntries(Object.entries(files).map(([rel, text]) => [`namespaces/${LIVE}/orders-dev/${rel}`, text])), "Add orders-dev");
});
afterAll(() => {
  repo.remove();
  rmSync(scratch, { recursive: true, force: true });
});

function berth(...args: string[]) {
  const result = spawnSync(path.join(ROOT, "node_modules/.bin/tsx"), [path.join(ROOT, "lib/cli/main.ts"), ...args], { cwd: ROOT, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function run(...args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await renderCommand.run(["resource", ...args], { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

const answersFile = (name: string, content: unknown) => writeAnswersFile(scratch, name, content);

const brief = {
  resources: [
    { kind: "rds", name: "orders_db", engineVersion: "16", instanceClass: "db.t4g.micro" },
    { kind: "irsa", name: "orders_irsa", serviceAccount: "orders", policies: ["orders_db", "orders_queue"] },
    { kind: "upgrade", name: "orders_queue", version: "5.1.2" },
  ],
};
const folder = `namespaces/${LIVE}/orders-dev`;

describe("berth render resource (end to end)", () => {
  it("writes the new files and the upgraded file of a hand-written namespace", () => {
    const out = path.join(scratch, "out");
    const result = berth(
      "render",
      "resource",
      "--repo",
      repo.dir,
      "--namespace",
      "live/orders-dev",
      "--answers",
      answersFile("brief.json", brief),
      "--out",
      out,
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const expected = [
      `${folder}/resources/orders_db.tf`,
      `${folder}/resources/orders_irsa.tf`,
      `${folder}/resources/queues.tf`,
      `${folder}/resources/variables.tf`,
    ];
    expect(result.stdout).toBe(expected.map((f) => `${f}\n`).join(""));
    expect(listFiles(out).sort()).toEqual(expected);
    // The namespace did not declare eks_cluster_name, which the IRSA block needs: the same change declares it, after what was there.
    const variables = readFileSync(path.join(out, folder, "resources/variables.tf"), "utf8");
    const before = cloudPlatformNamespace("orders-dev")["resources/variables.tf"]!;
    expect(variables.startsWith(before)).toBe(true);
    const added = variables.slice(before.length);
    // In the file's own style: a blank line between blocks, no `type` lines, `=` not aligned; injected variables have no default.
    expect(added).toMatch(/^\nvariable "/);
    expect(added).toMatch(/\nvariable "eks_cluster_name" \{\n {2}description = "[^"]+"\n\}\n/);
    expect(added).toMatch(/\nvariable "environment" \{\n {2}description = "[^"]+"\n {2}default = "[a-z]+"\n\}\n/);
    expect(added).not.toMatch(/^ +type +=/m);
    expect(added).not.toMatch(/variable "(namespace|team_name)"/);
    expect(readFileSync(path.join(out, folder, "resources/queues.tf"), "utf8")).toBe(legacyQueues.replace("sqs.git?ref=5.0.0", "sqs.git?ref=5.1.2"));
    const irsa = readFileSync(path.join(out, folder, "resources/orders_irsa.tf"), "utf8");
    expect(irsa).toContain("orders_queue = module.orders_queue.irsa_policy_arn");
    expect(scanTerraformModules(readFileSync(path.join(out, folder, "resources/orders_db.tf"), "utf8")).modules[0]!.source).toBe(
      "github.com/ministryofjustice/cloud-platform-terraform-rds-instance?ref=9.2.0",
    );
  });

  it("accepts the cluster's folder domain, and upgrades in place in the checkout itself", async () => {
    const clone = createTestRepo("berth-clone-");
    clone.git("pull", "-q", repo.dir, "main");
    const result = await run(
      "--repo",
      clone.dir,
      "--namespace",
      `${LIVE}/orders-dev`,
      "--answers",
      answersFile("up.json", { resources: [brief.resources[2]] }),
      "--out",
      clone.dir,
    );
    expect(result).toEqual({ code: 0, stdout: `${folder}/resources/queues.tf\n`, stderr: "" });
    expect(clone.git("diff", "--numstat")).toBe(`1\t1\t${folder}/resources/queues.tf`);
    clone.remove();
  });

  it("prints field errors, exits 1 and writes nothing for invalid answers", async () => {
    const out = path.join(scratch, "invalid");
    const bad = {
      resources: [
        { kind: "sqs", name: "orders_queue" },
        { kind: "s3", name: "Docs" },
        { kind: "irsa", name: "x_irsa", serviceAccount: "x", policies: ["nothing"] },
        { kind: "upgrade", name: "orders_queue", version: "4.0.0" },
      ],
    };
    const result = await run("--repo", repo.dir, "--namespace", "live/orders-dev", "--answers", answersFile("bad.json", bad), "--out", out);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.split("\n").filter(Boolean)).toEqual(["resources.1.name: the name must start with a lower-case letter"]);
    const second = await run(
      "--repo",
      repo.dir,
      "--namespace",
      "live/orders-dev",
      "--answers",
      answersFile("bad2.json", { resources: [bad.resources[0], bad.resources[2], bad.resources[3]] }),
      "--out",
      out,
    );
    expect(second.stderr.split("\n").filter(Boolean)).toEqual([
      "resources.0.name: a module block named orders_queue already exists in resources/queues.tf",
      "resources.2.version: upgrades go to the catalogue's version of sqs, 5.1.2",
      "resources.1.policies.0: there is no resource named nothing in this namespace or request",
    ]);
    expect(listFiles(out)).toEqual([]);
  });

  it("says clearly when the namespace, the repository or the answers are wrong", async () => {
    const out = path.join(scratch, "none");
    const answers = answersFile("ok.json", { resources: [{ kind: "ecr", name: "img" }] });
    const unknown = await run("--repo", repo.dir, "--namespace", "live-2/orders-dev", "--answers", answers, "--out", out);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^namespace: there is no namespace orders-dev in cluster live-2 at commit [0-9a-f]{12}; it is in live\n$/);
    expect((await run("--repo", repo.dir, "--namespace", "live/orders-dev", "--answers", answersFile("broken.json", "{"), "--out", out)).stderr).toMatch(
      /^answers: .*not valid JSON/,
    );
    const notRepo = berth("render", "resource", "--repo", scratch, "--namespace", "live/x", "--answers", answers, "--out", out);
    expect(notRepo.code).toBe(1);
    expect(notRepo.stderr).toMatch(/not a git repository/);
    await expect(run("--repo", repo.dir, "--namespace", "orders-dev", "--answers", answers, "--out", out)).rejects.toThrow(/<cluster>\/<name>/);
    await expect(run("--namespace", "live/x", "--answers", answers, "--out", out)).rejects.toThrow(/--repo/);
    expect(listFiles(out)).toEqual([]);
  });

  it("never overwrites an existing file for a new resource", async () => {
    const out = path.join(scratch, "taken");
    const answers = answersFile("img.json", {
      resources: [
        { kind: "ecr", name: "img" },
        { kind: "sqs", name: "jobs" },
      ],
    });
    expect((await run("--repo", repo.dir, "--namespace", "live/orders-dev", "--answers", answers, "--out", out)).code).toBe(0);
    writeFileSync(path.join(out, folder, "resources/img.tf"), "mine");
    rmSync(path.join(out, folder, "resources/jobs.tf"));
    const again = await run("--repo", repo.dir, "--namespace", "live/orders-dev", "--answers", answers, "--out", out);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/img\.tf already exists; it is never overwritten/);
    expect(readFileSync(path.join(out, folder, "resources/img.tf"), "utf8")).toBe("mine");
    expect(existsSync(path.join(out, folder, "resources/jobs.tf"))).toBe(false);
  });

  it("works on a generated sample: new resources and an upgrade of a lagging module", async () => {
    const sample = await generateSampleRepo({ dir: path.join(scratch, "sample"), namespaces: 40, seed: 3 });
    const index = await buildIndex({ repoPath: sample.dir, profile });
    const lagging = [...index.namespaces.values()].flatMap((ns) => ns.modules.filter((m) => pinStatus(m, profile) === "behind").map((m) => ({ ns, m })))[0]!;
    expect(lagging).toBeDefined();
    const { ns, m } = lagging;
    const answers = answersFile("sample.json", {
      resources: [
        { kind: "sns", name: "berth_topic", displayName: 'Events "${x}"' },
        { kind: "upgrade", name: m.name, version: latestVersion(profile, m.module) },
      ],
    });
    const result = await run("--repo", sample.dir, "--namespace", `${ns.cluster}/${ns.name}`, "--answers", answers, "--out", sample.dir);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const after = await buildIndex({ repoPath: sample.dir, profile, commit: await commitAll(sample.dir) });
    const updated = after.namespaces.get(`${ns.clusterDomain}/${ns.name}`)!;
    expect(updated.modules.find((x) => x.name === m.name)!.ref).toBe(latestVersion(profile, m.module));
    expect(updated.modules.find((x) => x.name === "berth_topic")).toMatchObject({
      module: "sns-topic",
      ref: latestVersion(profile, "sns-topic"),
      file: "resources/berth_topic.tf",
    });
    expect(updated.problems).toEqual([]);
    const diff = spawnSync("git", ["-C", sample.dir, "diff", "--numstat", "HEAD~1"], { encoding: "utf8" }).stdout.trim().split("\n");
    expect(diff).toContain(`1\t1\t${ns.path}/${m.file}`);
  });
});

async function commitAll(dir: string): Promise<string> {
  const git = (...args: string[]) =>
    spawnSync("git", ["-C", dir, "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", ...args], {
      encoding: "utf8",
    }).stdout.trim();
  git("add", "-A");
  git("commit", "-q", "-m", "resources");
  return git("rev-parse", "HEAD");
}
