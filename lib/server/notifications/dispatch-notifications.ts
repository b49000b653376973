import type { Db } from "@/lib/db/create-db";
import type { Logger } from "@/lib/log";
import { NOTIFIED_STATES, type NotifiedState } from "./slack-message";
import type { Notifier } from "./slack-notifier";

/** Events older than this when first seen are not announced (events from before notifications were turned on). */
const FRESH_MS = 15 * 60_000;

/**
 * Announces new request events (submitted, changes requested, approved,
 * merged, applied), each once: an event is claimed (notified_at) before it
 * is sent, so two replicas never both send it. A failed send is logged and
 * not retried; it never touches the request. Returns how many were sent.
 */
export async function dispatchNotifications(deps: { db: Db; notifier: Notifier; log: Pick<Logger, "warn">; now: () => Date }): Promise<number> {
  const { db } = deps;
  const now = deps.now();
  const events = await db.requestEvent.findMany({
    where: { notifiedAt: null, toState: { in: [...NOTIFIED_STATES] }, createdAt: { gte: new Date(now.getTime() - FRESH_MS) } },
    orderBy: { id: "asc" },
    take: 20,
    include: { request: { select: { id: true, kind: true, cluster: true, namespace: true, team: true, requester: true } } },
  });
  let sent = 0;
  for (const event of events) {
    const claimed = await db.requestEvent.updateMany({ where: { id: event.id, notifiedAt: null }, data: { notifiedAt: now } });
    if (claimed.count === 0) continue;
    try {
      await deps.notifier.notify({ event: event.toState as NotifiedState, request: event.request, actor: event.actor, note: event.note });
      sent++;
    } catch (error) {
      deps.log.warn("a Slack notification failed", {
        request: event.request.id,
        event: event.toState,
        error: error instanceof Error ? error.message : "error",
      });
    }
  }
  return sent;
}
