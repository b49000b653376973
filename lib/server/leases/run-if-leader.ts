import type { Db } from "@/lib/db/create-db";
import { acquireLease } from "./acquire-lease";

export interface LeaderTick {
  db: Db;
  /** The lease, e.g. "poller". */
  name: string;
  /** This replica. */
  holder: string;
  /** How long a tick's claim lasts: longer than the interval between ticks, so a live holder keeps it. */
  ttlMs: number;
  work: () => Promise<unknown>;
  /** Told whether this replica holds the lease after each claim. */
  onLease?: (held: boolean) => void;
}

/**
 * One tick of work that must run on one replica at a time: claim (or renew)
 * the lease, and run the work only when it is ours. A replica that stops
 * ticking (crashed, partitioned) loses the lease when it expires and the next
 * replica's tick takes over. Returns whether the work ran.
 */
export async function runIfLeader(tick: LeaderTick): Promise<boolean> {
  const held = await acquireLease(tick.db, tick.name, tick.holder, tick.ttlMs);
  tick.onLease?.(held);
  if (!held) return false;
  await tick.work();
  return true;
}
