import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { controlClient } from "@/e2e/fakes/github/control-client";
import { startFakeGitHub, type FakeGitHub } from "@/e2e/fakes/github/start-fake-github";
import { generateSampleRepo } from "@/lib/environments/sample/generate-sample-repo";

export interface FakeGitHubRepo {
  root: string;
  fake: FakeGitHub;
  control: ReturnType<typeof controlClient>;
  /** A token of `bot` (repo scope): Berth's bot. */
  botToken: string;
  /** A token of `rita`, a member who may review. */
  reviewerToken: string;
  close(): Promise<void>;
}

/** The fake GitHub hosting acme/environments, seeded with a small sample environments repository; a bot and a reviewer. */
export async function startFakeGitHubRepo(namespaces = 5): Promise<FakeGitHubRepo> {
  const root = mkdtempSync(path.join(tmpdir(), "berth-github-cost-"));
  const work = path.join(root, "seed");
  await generateSampleRepo({ dir: work, namespaces, seed: 7 });
  execFileSync("git", ["clone", "-q", "--bare", work, path.join(root, "upstream.git")]);
  const fake = await startFakeGitHub({
    org: "acme",
    clientId: "id",
    clientSecret: "secret",
    repo: { owner: "acme", name: "environments", bareRepoPath: path.join(root, "upstream.git") },
  });
  const control = controlClient(fake.url);
  await control.putUser({ login: "bot", teams: [], orgMember: true });
  await control.putUser({ login: "rita", teams: ["webops"], orgMember: true });
  return {
    root,
    fake,
    control,
    botToken: await control.token("bot", ["repo"]),
    reviewerToken: await control.token("rita", ["repo"]),
    close: async () => {
      await fake.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
