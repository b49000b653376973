import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { ModuleReleases } from "../git/module-releases";
import { latestVersion } from "../environments/profile/module-version";
import { loadProfile } from "../environments/profile/profile";
import { cloudPlatformNamespace } from "../environments/testing/cloud-platform-namespace";
import { createTestRepo, type TestRepo } from "../environments/testing/git-repo";
import { createCatalogueCommand } from "./catalogue";
import { UsageError } from "./command";

const NOW = new Date("2026-12-04T21:00:00.000Z");
const scratch = mkdtempSync(path.join(tmpdir(), "berth-catalogue-"));
const repos: TestRepo[] = [];
afterAll(() => {
  for (const r of repos) r.remove();
  rmSync(scratch, { recursive: true, force: true });
});

const variablesAt = (extra: string) => `variable "vpc_name" {
  type = string
}

variable "node_type" {
  description = "The instance type"
  type        = string
}

variable "enable_irsa" {
  type    = bool
  default = false
}
${extra}`;
const outputs = `output "member_clusters" {
  value = aws_elasticache_replication_group.x.member_clusters
}

output "auth_token" {
  value     = random_id.x.hex
  sensitive = true
}

output "irsa_policy_arn" {
  value = try(aws_iam_policy.irsa[0].arn, null)
}
`;

async function run(args: string[], releases?: ModuleReleases) {
  let stdout = "";
  let stderr = "";
  const command = createCatalogueCommand({ now: () => NOW, releases: () => releases ?? fail() });
  const code = await command.run(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}
const fail = (): never => {
  throw new Error("GitHub is not used here");
};

describe("berth catalogue --module-repo", () => {
  it("reads variables.tf and outputs.tf at the newest version tag, keeping what the files do not say", async () => {
    const repo = createTestRepo("cloud-platform-terraform-elasticache-cluster-");
    repos.push(repo);
    repo.commit({ "variables.tf": variablesAt(""), "outputs.tf": outputs }, "1.9.0");
    repo.git("tag", "8.9.0");
    repo.commit({ "variables.tf": variablesAt('\nvariable "shard_count" {\n  type    = number\n  default = 2\n}\n') }, "1.10.0");
    repo.git("tag", "8.10.0");
    repo.commit({ "variables.tf": variablesAt('\nvariable "unreleased" {\n  type = string\n}\n') }, "after the tag");
    const out = path.join(scratch, "from-repo.json");
    const result = await run(["--module-repo", repo.dir, "--module", "elasticache-cluster", "--out", out]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("elasticache-cluster 8.10.0: the module repository at a tag, 2026-12-04T21:00:00.000Z\n");
    const profile = loadProfile(out);
    expect(latestVersion(profile, "elasticache-cluster")).toBe("8.10.0");
    const entry = profile.modules["elasticache-cluster"]!;
    expect(entry).toMatchObject({ latestFrom: "module-repository", latestAt: "2026-12-04T21:00:00.000Z" });
    expect(entry.interface!.at).toBe("8.10.0");
    expect(entry.interface!.inputs).toEqual([
      { name: "vpc_name", type: "string", required: true },
      { name: "node_type", type: "string", required: true },
      { name: "enable_irsa", type: "bool", required: false, default: "false" },
      { name: "shard_count", type: "number", required: false, default: "2" },
    ]);
    // outputs.tf declares no types and no condition: the list type, the IRSA condition and the Secret keys are kept.
    expect(entry.interface!.outputs).toEqual([
      { name: "member_clusters", type: "list(string)", sensitive: false },
      { name: "auth_token", type: "string", sensitive: true },
      { name: "irsa_policy_arn", type: "string", sensitive: false },
    ]);
    expect(entry.interface!.irsaPolicy).toEqual({ output: "irsa_policy_arn", condition: "enable_irsa = true" });
    expect(entry.interface!.secretKeys).toEqual({ member_clusters: "member_clusters", auth_token: "auth_token" });
    // Other modules are untouched.
    expect(profile.modules.sqs!.latestFrom).toBe("built-in");
  });

  it("takes --tag, and refuses a repository without a version tag", async () => {
    const repo = createTestRepo("cloud-platform-terraform-widget-");
    repos.push(repo);
    repo.commit({ "variables.tf": variablesAt(""), "outputs.tf": outputs }, "first");
    repo.git("tag", "release-candidate");
    await expect(run(["--module-repo", repo.dir])).rejects.toThrow(/no version tag; give --tag/);
    const result = await run(["--module-repo", repo.dir, "--module", "widget", "--tag", "release-candidate"]);
    const written = JSON.parse(result.stdout) as { modules: Record<string, { latest: string; interface: { at: string } }> };
    expect(written.modules.widget).toMatchObject({ latest: "release-candidate", interface: { at: "release-candidate" } });
  });

  it("wants exactly one source", async () => {
    await expect(run([])).rejects.toThrow(UsageError);
    await expect(run(["--github", "--repo", "x"])).rejects.toThrow(/exactly one/);
  });
});

describe("berth catalogue --github", () => {
  it("takes each module repository's latest release and its files at that tag; a module without a release keeps its entry", async () => {
    const asked: string[] = [];
    const releases: ModuleReleases = {
      async latestRelease(repo) {
        asked.push(repo);
        return repo === "cloud-platform-terraform-elasticache-cluster" ? "8.3.0" : repo === "cloud-platform-terraform-sqs" ? "5.2.0" : null;
      },
      async readFile(repo, file, ref) {
        if (repo.endsWith("elasticache-cluster") && ref === "8.3.0") return file === "variables.tf" ? variablesAt("") : outputs;
        return null;
      },
    };
    const result = await run(["--github"], releases);
    expect(result.code).toBe(0);
    expect(asked).toContain("cloud-platform-terraform-irsa");
    expect(result.stderr).toContain("cloud-platform-terraform-irsa: no release; irsa keeps 2.1.0\n");
    const written = JSON.parse(result.stdout) as { modules: Record<string, { latest: string; latestFrom: string; interface?: { at: string } }> };
    expect(written.modules["elasticache-cluster"]).toMatchObject({ latest: "8.3.0", latestFrom: "github-releases", interface: { at: "8.3.0" } });
    // sqs's files could not be read at 5.2.0: the version moves, the interface stays at the version it was read at.
    expect(written.modules.sqs).toMatchObject({ latest: "5.2.0", latestFrom: "github-releases", interface: { at: "5.1.1" } });
    expect(written.modules.irsa).toMatchObject({ latest: "2.1.0", latestFrom: "built-in" });
  });
});

describe("berth catalogue --repo", () => {
  it("takes the newest version pinned anywhere in the environments repository", async () => {
    const repo = createTestRepo();
    repos.push(repo);
    const sqs = (label: string, ref: string) => `module "${label}" {\n  source = "github.com/ministryofjustice/cloud-platform-terraform-sqs?ref=${ref}"\n}\n`;
    const live = "namespaces/live.cloud-platform.service.justice.gov.uk";
    const files: Record<string, string> = {};
    for (const [name, ref] of [
      ["a-dev", "5.1.2"],
      ["b-dev", "5.10.0"],
      ["c-dev", "main"],
    ] as const) {
      for (const [rel, text] of Object.entries(cloudPlatformNamespace(name, { resources: { "sqs.tf": sqs("q", ref) } })))
        files[`${live}/${name}/${rel}`] = text;
    }
    repo.commit(files, "three namespaces");
    const result = await run(["--repo", repo.dir]);
    const written = JSON.parse(result.stdout) as { modules: Record<string, { latest: string; latestFrom: string; latestAt?: string }> };
    expect(written.modules.sqs).toMatchObject({ latest: "5.10.0", latestFrom: "index", latestAt: "2026-12-04T21:00:00.000Z" });
    expect(written.modules.irsa).toMatchObject({ latest: "2.1.0", latestFrom: "built-in" });
  });
});
