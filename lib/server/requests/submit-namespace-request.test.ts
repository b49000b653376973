import { describe, expect, it, vi } from "vitest";
import { namespaceRecord } from "@/lib/environments/testing/namespace-record";
import { namespaceRequestFixture } from "@/lib/environments/testing/namespace-request-fixture";
import type { GitProvider, PullRequestDraft } from "@/lib/git/git-provider";
import { testLogger } from "@/lib/testing/test-logger";
import { inventorySnapshot, profile, viewer } from "../testing/fake-services";
import { fakeRequestDb, requestRow, type RequestRow } from "../testing/fake-request-db";
import { submitNamespaceRequest } from "./submit-namespace-request";

const visits = viewer("vic", ["hmpps-visits"]);

function setup(
  rows: RequestRow[] = [],
  open: GitProvider["openPullRequest"] = async () => ({
    number: 3,
    url: "https://github.example/pr/3",
    headRepo: "ministryofjustice/cloud-platform-environments",
    headSha: "h",
  }),
) {
  const requests = fakeRequestDb(rows);
  const provider = { kind: "github" as const, openPullRequest: vi.fn(open) };
  const deps = {
    db: requests.db,
    profile,
    snapshot: inventorySnapshot([namespaceRecord("orders-dev")]),
    provider,
    draft: { labels: ["berth"], reviewerTeams: ["webops"], publicUrl: null },
    log: testLogger(),
  };
  return { requests, provider, deps };
}

describe("submitNamespaceRequest", () => {
  it("records the request under a lock on its name, then opens one pull request with the rendered files", async () => {
    const { requests, provider, deps } = setup();
    const { id } = await submitNamespaceRequest(visits, namespaceRequestFixture(), deps);

    expect(requests.rawStatements).toEqual([{ sql: expect.stringContaining("pg_advisory_xact_lock"), values: ["book-a-visit-dev"] }]);
    const row = requests.requests.get(id)!;
    expect(row).toMatchObject({
      kind: "namespace",
      state: "pr_open",
      namespace: "book-a-visit-dev",
      team: "hmpps-visits",
      requester: "vic",
      prNumber: 3,
      prHeadRepo: "ministryofjustice/cloud-platform-environments",
      pushedSha: "h",
    });
    expect(row.branch).toBe(`berth/namespace-book-a-visit-dev-${id}`);
    const draft: PullRequestDraft = provider.openPullRequest.mock.calls[0]![0];
    expect(draft.branch).toBe(row.branch);
    expect(draft.files.map((f) => f.path)).toContain("namespaces/live.cloud-platform.service.justice.gov.uk/book-a-visit-dev/00-namespace.yaml");
    expect(draft.files).toEqual((row.files as { path: string; content: string }[]).map(({ path, content }) => ({ path, content })));
    expect(requests.events.map((e) => [e.fromState, e.toState, e.actor])).toEqual([
      [null, "submitted", "vic"],
      ["submitted", "pr_open", "berth"],
    ]);
  });

  it("answers 422 with field errors and writes nothing for bad input, a taken name or another team", async () => {
    const { requests, provider, deps } = setup([requestRow("held", { namespace: "book-a-visit-dev", state: "approved" })]);
    const fieldsOf = (input: unknown, who = visits) =>
      submitNamespaceRequest(who, input, deps).then(
        () => null,
        (e: { code: string; fields: object }) => e,
      );

    expect(await fieldsOf(namespaceRequestFixture({ name: "Bad_Name" }))).toMatchObject({ code: "invalid_input", fields: { name: expect.any(String) } });
    expect(await fieldsOf(namespaceRequestFixture({ name: "orders-dev" }))).toMatchObject({ fields: { name: expect.stringMatching(/already exists/) } });
    expect(await fieldsOf(namespaceRequestFixture())).toMatchObject({ fields: { name: expect.stringMatching(/already requested \(request held\)/) } });
    expect(await fieldsOf(namespaceRequestFixture({ name: "other-dev" }), viewer("mel", ["unrelated"]))).toMatchObject({
      fields: { team: expect.stringMatching(/not a member of the GitHub team hmpps-visits/) },
    });
    expect([...requests.requests.keys()]).toEqual(["held"]);
    expect(requests.events).toEqual([]);
    expect(provider.openPullRequest).not.toHaveBeenCalled();
  });

  it("keeps a request GitHub failed to open as failed, with the reason, ready to retry", async () => {
    const { requests, deps } = setup([], async () => {
      throw Object.assign(new Error("Bad Gateway"), { status: 502 });
    });
    const { id } = await submitNamespaceRequest(visits, namespaceRequestFixture(), deps);
    expect(requests.requests.get(id)).toMatchObject({ state: "failed", failure: "GitHub answered 502: Bad Gateway", attempts: 1 });
  });
});
