import { describe, expect, it, vi } from "vitest";
import { namespaceRequestFixture } from "@/lib/environments/testing/namespace-request-fixture";
import type { GitProvider, OpenedPullRequest, PullRequestDraft } from "@/lib/git/git-provider";
import { roles } from "../testing/fake-services";
import { fakeRequestDb, requestRow } from "../testing/fake-request-db";
import { testLogger } from "@/lib/testing/test-logger";
import { retryRequest } from "./retry-request";

const draft = { labels: ["berth"], reviewerTeams: ["webops"], publicUrl: null };
const files = [{ path: "namespaces/live.cloud-platform.service.justice.gov.uk/ns-r1/00-namespace.yaml", content: "kind: Namespace\n" }];
const failed = () =>
  requestRow("r1", { state: "failed", failure: "GitHub answered 502: Bad Gateway", answers: namespaceRequestFixture({ name: "ns-r1" }), files, attempts: 1 });

const REPO = "ministryofjustice/cloud-platform-environments";

function provider(open: (draft: PullRequestDraft) => Promise<OpenedPullRequest>) {
  return { kind: "github", openPullRequest: vi.fn(open) } satisfies GitProvider;
}

describe("retryRequest", () => {
  it("opens the pull request again from the stored files, on the same branch, and clears the failure", async () => {
    const requests = fakeRequestDb([failed()]);
    const git = provider(async () => ({ number: 5, url: "https://github.example/pr/5", headRepo: REPO, headSha: "def" }));
    await retryRequest(requests.db, roles.owner, "r1", { provider: git, draft, log: testLogger() });

    const sent = git.openPullRequest.mock.calls[0]![0];
    expect(sent.branch).toBe("berth/namespace-ns-r1-r1");
    expect(sent.files).toEqual(files);
    expect(requests.requests.get("r1")).toMatchObject({
      state: "pr_open",
      prNumber: 5,
      prUrl: "https://github.example/pr/5",
      prHeadRepo: REPO,
      headSha: "def",
      pushedSha: "def",
      failure: null,
      attempts: 2,
    });
    expect(requests.events).toMatchObject([{ fromState: "failed", toState: "pr_open", actor: "olly", note: "Pull request #5 opened" }]);
  });

  it("a retry that fails again stays failed with the upstream's reason", async () => {
    const requests = fakeRequestDb([failed()]);
    const git = provider(async () => {
      throw Object.assign(new Error("Service Unavailable\nat stack"), { status: 503 });
    });
    const log = testLogger();
    await retryRequest(requests.db, roles.owner, "r1", { provider: git, draft, log });
    expect(requests.requests.get("r1")).toMatchObject({ state: "failed", failure: "GitHub answered 503: Service Unavailable", attempts: 2 });
    expect(requests.events).toMatchObject([{ toState: "failed", actor: "berth" }]);
  });

  it("answers not_found to someone who may not see the request, and conflict unless it failed", async () => {
    const requests = fakeRequestDb([failed(), requestRow("open")]);
    const git = provider(async () => ({ number: 1, url: null, headRepo: REPO, headSha: "x" }));
    await expect(retryRequest(requests.db, roles.member, "r1", { provider: git, draft, log: testLogger() })).rejects.toMatchObject({ code: "not_found" });
    await expect(retryRequest(requests.db, roles.owner, "open", { provider: git, draft, log: testLogger() })).rejects.toMatchObject({ code: "conflict" });
    await expect(retryRequest(requests.db, roles.owner, "missing", { provider: git, draft, log: testLogger() })).rejects.toMatchObject({
      code: "not_found",
    });
    expect(git.openPullRequest).not.toHaveBeenCalled();
    expect(requests.requests.get("r1")!.attempts).toBe(1);
  });
});
