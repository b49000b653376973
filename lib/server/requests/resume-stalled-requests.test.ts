import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { embeddedTestDatabase } from "@/lib/db/testing/embedded-test-database";
import { namespaceRequestFixture } from "@/lib/environments/testing/namespace-request-fixture";
import type { GitProvider, PullRequestDraft } from "@/lib/git/git-provider";
import { resumeStalledRequests } from "./resume-stalled-requests";
import { testLogger } from "@/lib/testing/test-logger";

const db = embeddedTestDatabase();
const settings = { labels: ["berth"], reviewerTeams: ["webops"], publicUrl: null };

describe("resumeStalledRequests", () => {
  it("resumes a request an attempt left 'submitted', once it is old enough, on the same branch", async () => {
    const opened: PullRequestDraft[] = [];
    const provider: GitProvider = {
      kind: "github",
      openPullRequest: async (draft) => (opened.push(draft), { number: 7, url: "https://github.example/pr/7", headRepo: "org/envs", headSha: "abc" }),
    };
    const id = randomUUID();
    const answers = namespaceRequestFixture({ name: "stalled-ns" });
    await db().request.create({
      data: {
        id,
        kind: "namespace",
        state: "submitted",
        cluster: "live",
        namespace: "stalled-ns",
        team: answers.team,
        requester: "alice",
        answers,
        files: [{ path: "namespaces/x/00-namespace.yaml", content: "x" }],
        branch: `berth/${id}`,
      },
    });
    const fresh = await db().request.findUniqueOrThrow({ where: { id } });
    // Young: an attempt may still be running.
    expect(await resumeStalledRequests(db(), provider, settings, new Date(fresh.updatedAt.getTime() + 60_000), 300_000, testLogger())).toBe(0);
    expect(await resumeStalledRequests(db(), provider, settings, new Date(fresh.updatedAt.getTime() + 301_000), 300_000, testLogger())).toBe(1);
    const row = await db().request.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ state: "pr_open", prNumber: 7 });
    expect(opened).toHaveLength(1);
    // Resumed, it is no longer stalled.
    expect(await resumeStalledRequests(db(), provider, settings, new Date(Date.now() + 3_600_000), 300_000, testLogger())).toBe(0);
  });
});
