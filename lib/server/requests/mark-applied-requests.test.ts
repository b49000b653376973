import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { embeddedTestDatabase } from "@/lib/db/testing/embedded-test-database";
import { markAppliedRequests } from "./mark-applied-requests";
import type { RequestState } from "./request-state";

const db = embeddedTestDatabase();

async function request(kind: "namespace" | "resources", state: RequestState, namespace: string) {
  const id = randomUUID();
  await db().request.create({
    data: { id, kind, state, cluster: "live", namespace, team: "t", requester: "alice", answers: {}, files: [], branch: `berth/${id}` },
  });
  return id;
}

describe("markAppliedRequests", () => {
  it("moves merged namespace requests whose namespace is live to applied, once, with an audit entry", async () => {
    const live = await request("namespace", "merged", "applied-ns");
    const notYet = await request("namespace", "merged", "pending-ns");
    const open = await request("namespace", "pr_open", "applied-ns");
    const resources = await request("resources", "merged", "applied-ns");
    const isLive = (cluster: string, ns: string) => cluster === "live" && ns === "applied-ns";

    expect(await markAppliedRequests(db(), isLive)).toEqual([live]);
    expect(await markAppliedRequests(db(), isLive)).toEqual([]);

    const states = await db().request.findMany({ where: { id: { in: [live, notYet, open, resources] } }, select: { id: true, state: true } });
    expect(Object.fromEntries(states.map((r) => [r.id, r.state]))).toEqual({ [live]: "applied", [notYet]: "merged", [open]: "pr_open", [resources]: "merged" });
    const events = await db().requestEvent.findMany({ where: { requestId: live } });
    expect(events).toMatchObject([{ fromState: "merged", toState: "applied", actor: "cluster", note: "namespace applied-ns is live in live" }]);
  });
});
