import type { Db } from "@/lib/db/create-db";
import { runIfLeader } from "./leases/run-if-leader";

/** How often the leader prunes. */
export const PRUNE_EVERY_MS = 60 * 60 * 1000;
/**
 * How long a webhook delivery's id is kept to refuse its replay. Note: well
 * past GitHub's own redelivery window (3 days), so a delivery GitHub may still
 * redeliver is always remembered; older replays are judged by the request's
 * own history.
 */
export const DELIVERY_RETENTION_MS = 14 * 24 * 60 * 60 * 1000;

export interface PruneResult {
  sessions: number;
  deliveries: number;
}

/** Deletes sessions past their expiry and webhook deliveries older than the retention. */
export async function pruneExpiredRows(db: Db, now: Date, retentionMs = DELIVERY_RETENTION_MS): Promise<PruneResult> {
  const sessions = await db.session.deleteMany({ where: { expiresAt: { lte: now } } });
  const deliveries = await db.webhookDelivery.deleteMany({ where: { receivedAt: { lt: new Date(now.getTime() - retentionMs) } } });
  return { sessions: sessions.count, deliveries: deliveries.count };
}

/**
 * One pruning tick: only the replica holding the "pruner" lease deletes, so
 * replicas do not race over the same rows. Returns what was pruned, or null
 * when another replica leads.
 */
export async function pruneAsLeader(deps: { db: Db; holder: string; now: () => Date; onLease?: (held: boolean) => void }): Promise<PruneResult | null> {
  let result: PruneResult | null = null;
  await runIfLeader({
    db: deps.db,
    name: "pruner",
    holder: deps.holder,
    ttlMs: PRUNE_EVERY_MS * 2.5,
    onLease: deps.onLease,
    work: async () => {
      result = await pruneExpiredRows(deps.db, deps.now());
    },
  });
  return result;
}
