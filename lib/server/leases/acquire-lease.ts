import type { Db } from "@/lib/db/create-db";

/**
 * Takes or renews the lease `name` for `holder` for `ttlMs`, in one statement:
 * it succeeds when nobody holds the lease, when `holder` already does, or
 * when the other holder's lease has expired. Two replicas asking at once are
 * serialised by the row lock, so at most one of them gets it. Returns
 * whether `holder` holds the lease now.
 */
export async function acquireLease(db: Db, name: string, holder: string, ttlMs: number): Promise<boolean> {
  const seconds = ttlMs / 1000;
  const rows = await db.$queryRaw<{ holder: string }[]>`
    INSERT INTO leases (name, holder, expires_at)
    VALUES (${name}, ${holder}, now() + make_interval(secs => ${seconds}::double precision))
    ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
    WHERE leases.holder = EXCLUDED.holder OR leases.expires_at <= now()
    RETURNING holder`;
  return rows.length === 1;
}

/** Gives the lease up if `holder` holds it, so another replica need not wait for it to expire. */
export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  await db.$executeRaw`DELETE FROM leases WHERE name = ${name} AND holder = ${holder}`;
}
