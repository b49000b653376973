/**
 * Time to open a pull request against the local GitHub server, and how many
 * GitHub API calls one takes, for a namespace's 8 files and for 80 files (the
 * count must not grow with the files).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { controlClient } from "../../e2e/fakes/github/control-client";
import { startFakeGitHub } from "../../e2e/fakes/github/start-fake-github";
import { cloudPlatformProfile } from "@/lib/environments/profile/profile";
import { renderNamespaceFiles } from "@/lib/environments/render/render-namespace-files";
import { generateSampleRepo } from "../../lib/environments/sample/generate-sample-repo";
import { namespaceRequestFixture } from "../../lib/environments/testing/namespace-request-fixture";
import { createGitHubProvider } from "../../lib/git/github-provider";
import { summarize } from "./stats";

const answers = (name: string) => namespaceRequestFixture({ name, team: "bench-team" });

export async function pullRequestBench(): Promise<Record<string, unknown>> {
  const root = mkdtempSync(path.join(os.tmpdir(), "berth-pr-bench-"));
  const work = path.join(root, "work");
  const bare = path.join(root, "environments.git");
  await generateSampleRepo({ dir: work, namespaces: 50, seed: 5, checkout: false });
  execFileSync("git", ["clone", "--quiet", "--bare", work, bare]);
  const fake = await startFakeGitHub({
    port: 0,
    org: "bench",
    clientId: "c",
    clientSecret: "s",
    repo: { owner: "bench", name: "environments", bareRepoPath: bare },
  });
  try {
    const control = controlClient(fake.url);
    await control.putUser({ login: "bench-bot", teams: [], orgMember: true });
    const token = await control.token("bench-bot", ["repo"]);
    const provider = createGitHubProvider({ apiUrl: fake.apiUrl, auth: token, owner: "bench", repo: "environments", baseBranch: "main" });
    const run = async (i: number, extraFiles: number) => {
      const files = renderNamespaceFiles(answers(`bench-${extraFiles}-${i}`), cloudPlatformProfile);
      for (let f = 0; f < extraFiles; f++) files.push({ path: `bench/extra-${i}/${f}.yaml`, content: `n: ${f}\n` });
      await fetch(`${fake.url}/_fake/calls`, { method: "DELETE" });
      const started = performance.now();
      await provider.openPullRequest({
        branch: `bench/${extraFiles}-${i}`,
        title: "t",
        body: "b",
        commitMessage: "m",
        files,
        labels: ["berth"],
        reviewerTeams: [],
      });
      const ms = performance.now() - started;
      const calls = ((await (await fetch(`${fake.url}/_fake/calls`)).json()) as { total: number }).total;
      return { ms, calls, files: files.length };
    };
    const small = [];
    for (let i = 0; i < 10; i++) small.push(await run(i, 0));
    const large = [];
    for (let i = 0; i < 5; i++) large.push(await run(i, 72));
    return {
      openPullRequestMs: { files8: summarize(small.map((r) => r.ms)), files80: summarize(large.map((r) => r.ms)) },
      githubCalls: { files8: small[0]!.calls, files80: large[0]!.calls },
    };
  } finally {
    await fake.close();
    rmSync(root, { recursive: true, force: true });
  }
}
