import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type OpenDb } from "@/lib/db/create-db";
import { embeddedTestDatabase } from "@/lib/db/testing/embedded-test-database";
import { migrateDatabase } from "@/lib/db/migrate-database";
import { scratchDatabase } from "@/lib/db/testing/scratch-database";
import { acquireLease, releaseLease } from "./acquire-lease";
import { runIfLeader } from "./run-if-leader";

/** Moves the lease's clock on past its expiry, as if its holder had stopped renewing it long enough ago. */
async function expire(db: OpenDb["client"], name: string): Promise<void> {
  await db.$executeRaw`UPDATE leases SET expires_at = now() - interval '1 second' WHERE name = ${name}`;
}

describe("leases on PostgreSQL, two replicas (two connection pools)", () => {
  const url = scratchDatabase("berth_leases");
  let one: OpenDb;
  let two: OpenDb;
  beforeAll(async () => {
    await migrateDatabase({ DATABASE_URL: url, dataDir: "/nonexistent" });
    one = createDb({ DATABASE_URL: url, dataDir: "/nonexistent" });
    two = createDb({ DATABASE_URL: url, dataDir: "/nonexistent" });
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
  });

  it("never lets two contenders hold it at once, however often they race", async () => {
    for (let round = 0; round < 40; round++) {
      const name = `race-${round}`;
      const claims = await Promise.all([
        acquireLease(one.client, name, "replica-a", 60_000),
        acquireLease(two.client, name, "replica-b", 60_000),
        acquireLease(one.client, name, "replica-c", 60_000),
        acquireLease(two.client, name, "replica-d", 60_000),
      ]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      // And the winner keeps it on renewal while the others keep failing.
      const winner = ["replica-a", "replica-b", "replica-c", "replica-d"][claims.indexOf(true)]!;
      const again = await Promise.all(
        ["replica-a", "replica-b", "replica-c", "replica-d"].map((h, i) => acquireLease((i % 2 ? two : one).client, name, h, 60_000)),
      );
      expect(again).toEqual(["replica-a", "replica-b", "replica-c", "replica-d"].map((h) => h === winner));
    }
  });

  it("runs the work on one replica per tick, and a dead holder's lease is taken over after it expires", async () => {
    const ran: string[] = [];
    const tick = (db: OpenDb, holder: string) => runIfLeader({ db: db.client, name: "poller", holder, ttlMs: 60_000, work: async () => void ran.push(holder) });
    expect(await Promise.all([tick(one, "a"), tick(two, "b")])).toSatisfy((r: boolean[]) => r.filter(Boolean).length === 1);
    const leader = ran[0]!;
    const other = leader === "a" ? "b" : "a";
    const dbOf = (h: string) => (h === "a" ? one : two);
    // The leader keeps ticking: it keeps the lease.
    for (let i = 0; i < 3; i++) {
      expect(await tick(dbOf(leader), leader)).toBe(true);
      expect(await tick(dbOf(other), other)).toBe(false);
    }
    // The leader dies (stops ticking): the other replica takes over once the lease has expired, not before.
    expect(await tick(dbOf(other), other)).toBe(false);
    await expire(one.client, "poller");
    expect(await tick(dbOf(other), other)).toBe(true);
    expect(await tick(dbOf(leader), leader)).toBe(false);
    expect(ran.filter((h) => h === other).length).toBe(1);
  });

  it("lasts ttlMs from the database's clock", async () => {
    expect(await acquireLease(one.client, "timed", "a", 45_000)).toBe(true);
    const [row] = await one.client.$queryRaw<
      { seconds: number }[]
    >`SELECT extract(epoch FROM expires_at - now())::float8 AS seconds FROM leases WHERE name = 'timed'`;
    expect(row!.seconds).toBeGreaterThan(40);
    expect(row!.seconds).toBeLessThanOrEqual(45);
  });

  it("released, it is free at once", async () => {
    expect(await acquireLease(one.client, "released", "a", 60_000)).toBe(true);
    await releaseLease(two.client, "released", "b"); // not b's: no effect
    expect(await acquireLease(two.client, "released", "b", 60_000)).toBe(false);
    await releaseLease(one.client, "released", "a");
    expect(await acquireLease(two.client, "released", "b", 60_000)).toBe(true);
  });
});

describe("leases on the embedded database", () => {
  const db = embeddedTestDatabase();

  it("gives the lease to one holder and hands it over after expiry", async () => {
    expect(await acquireLease(db(), "poller", "a", 60_000)).toBe(true);
    expect(await acquireLease(db(), "poller", "b", 60_000)).toBe(false);
    expect(await acquireLease(db(), "poller", "a", 60_000)).toBe(true);
    await expire(db(), "poller");
    expect(await acquireLease(db(), "poller", "b", 60_000)).toBe(true);
    expect(await acquireLease(db(), "poller", "a", 60_000)).toBe(false);
  });
});
