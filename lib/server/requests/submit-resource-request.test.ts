import { describe, expect, it, vi } from "vitest";
import { namespaceRecord } from "@/lib/environments/testing/namespace-record";
import { withStandardTerraform } from "@/lib/environments/testing/standard-terraform";
import type { GitProvider } from "@/lib/git/git-provider";
import { testLogger } from "@/lib/testing/test-logger";
import { profile, roles } from "../testing/fake-services";
import { fakeRequestDb } from "../testing/fake-request-db";
import { submitResourceRequest } from "./submit-resource-request";

// A namespace whose variables.tf declares what module blocks use, so the pull request holds the new file alone.
const { namespace: orders, readFile } = withStandardTerraform(
  namespaceRecord("orders-dev", { files: ["00-namespace.yaml", "01-rbac.yaml", "resources/main.tf"] }),
);
const rbac = `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: orders-dev-admin
  namespace: orders-dev
subjects:
  - kind: Group
    name: "github:team-a"
    apiGroup: rbac.authorization.k8s.io
roleRef:
  kind: ClusterRole
  name: admin
  apiGroup: rbac.authorization.k8s.io
`;
const queue = { resources: [{ kind: "sqs", name: "orders_queue", deadLetterQueue: false }] };

function setup() {
  const requests = fakeRequestDb();
  const provider = {
    kind: "local" as const,
    openPullRequest: vi.fn<GitProvider["openPullRequest"]>(async () => ({ number: null, url: null, headRepo: null, headSha: "h" })),
  };
  const deps = {
    db: requests.db,
    profile,
    provider,
    draft: { labels: ["berth"], reviewerTeams: ["webops"], publicUrl: null },
    log: testLogger(),
    // check-permissions reads the namespace's 01-rbac.yaml on main: it binds the owning team.
    readFile: async (path: string) => (path === `${orders.path}/01-rbac.yaml` ? rbac : readFile(path)),
  };
  return { requests, provider, deps };
}

describe("submitResourceRequest", () => {
  it("records an owner's request for the namespace's team and opens one pull request with the new resource file", async () => {
    const { requests, provider, deps } = setup();
    const { id } = await submitResourceRequest(roles.owner, orders, queue, deps);

    expect(requests.requests.get(id)).toMatchObject({
      kind: "resources",
      state: "pr_open",
      namespace: "orders-dev",
      team: "team-a",
      requester: "olly",
      prNumber: null,
      pushedSha: "h",
    });
    const draft = provider.openPullRequest.mock.calls[0]![0];
    expect(draft.files.map((f) => f.path)).toEqual([`${orders.path}/resources/orders_queue.tf`]);
    expect(draft.files[0]!.content).toContain('module "orders_queue"');
    expect(requests.events.map((e) => [e.fromState, e.toState, e.note])).toEqual([
      [null, "submitted", "Requested 1 resource change(s) for orders-dev"],
      ["submitted", "pr_open", expect.stringMatching(/ready for review in Berth/)],
    ]);
  });

  it("writes nothing for someone outside the owning team, an unknown namespace or bad answers", async () => {
    const { requests, provider, deps } = setup();
    await expect(submitResourceRequest(roles.member, orders, queue, deps)).rejects.toMatchObject({ code: "forbidden" });
    await expect(submitResourceRequest(roles.owner, undefined, queue, deps)).rejects.toMatchObject({ code: "not_found" });
    await expect(submitResourceRequest(roles.owner, orders, { resources: [{ kind: "sqs", name: "Bad Name" }] }, deps)).rejects.toMatchObject({
      code: "invalid_input",
      fields: expect.any(Object),
    });
    expect(requests.requests.size).toBe(0);
    expect(provider.openPullRequest).not.toHaveBeenCalled();
  });
});
