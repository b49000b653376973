import { describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/create-db";
import { NOW } from "../testing/fake-services";
import { dispatchNotifications } from "./dispatch-notifications";
import type { RequestNotice } from "./slack-message";

const request = { id: "r1", kind: "namespace", cluster: "live", namespace: "ns", team: "team-a", requester: "alice" };

/** The two calls the dispatcher makes, over events in memory (PostgreSQL's claim semantics: only a null notifiedAt is claimed). */
function eventsDb(events: { id: number; toState: string; notifiedAt: Date | null; actor: string; note: string | null }[]) {
  const db = {
    requestEvent: {
      findMany: async (args: { where: { toState: { in: string[] } } }) =>
        events.filter((e) => e.notifiedAt === null && args.where.toState.in.includes(e.toState)).map((e) => ({ ...e, request })),
      updateMany: async (args: { where: { id: number }; data: { notifiedAt: Date } }) => {
        const event = events.find((e) => e.id === args.where.id && e.notifiedAt === null);
        if (event) event.notifiedAt = args.data.notifiedAt;
        return { count: event ? 1 : 0 };
      },
    },
  };
  // Note: cast because only the two methods above exist.
  return db as unknown as Db;
}

describe("dispatchNotifications", () => {
  it("sends each new event once, and a failed send is logged, never retried, and never throws", async () => {
    const events = [
      { id: 1, toState: "submitted", notifiedAt: null, actor: "alice", note: null },
      { id: 2, toState: "pr_open", notifiedAt: null, actor: "berth", note: null },
      { id: 3, toState: "approved", notifiedAt: null, actor: "rita", note: "Approved in Berth" },
    ];
    const sent: RequestNotice[] = [];
    const notify = vi.fn(async (notice: RequestNotice) => {
      if (notice.event === "approved") throw new Error("Slack answered 500: oops");
      sent.push(notice);
    });
    const warn = vi.fn();
    const db = eventsDb(events);
    expect(await dispatchNotifications({ db, notifier: { notify }, log: { warn }, now: () => NOW })).toBe(1);
    expect(sent).toEqual([{ event: "submitted", request, actor: "alice", note: null }]);
    expect(warn).toHaveBeenCalledExactlyOnceWith("a Slack notification failed", { request: "r1", event: "approved", error: "Slack answered 500: oops" });
    expect(events.map((e) => e.notifiedAt)).toEqual([NOW, null, NOW]);
    expect(await dispatchNotifications({ db, notifier: { notify }, log: { warn }, now: () => NOW })).toBe(0);
    expect(notify).toHaveBeenCalledTimes(2);
  });
});
