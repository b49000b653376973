import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { embeddedTestDatabase } from "@/lib/db/testing/embedded-test-database";
import { DELIVERY_RETENTION_MS, pruneAsLeader } from "./prune-expired-rows";

const db = embeddedTestDatabase();
const DAY = 24 * 60 * 60 * 1000;

async function seed(now: Date) {
  const id = randomUUID();
  const session = (suffix: string, expiresAt: Date) =>
    db().session.create({ data: { id: `${id}-${suffix}`, kind: "local", login: "alice", name: "Alice", teams: [], teamsRefreshedAt: now, expiresAt } });
  await session("expired", new Date(now.getTime() - 1000));
  await session("live", new Date(now.getTime() + DAY));
  await db().webhookDelivery.create({ data: { id: `${id}-old`, event: "push", receivedAt: new Date(now.getTime() - DELIVERY_RETENTION_MS - DAY) } });
  await db().webhookDelivery.create({ data: { id: `${id}-recent`, event: "push", receivedAt: new Date(now.getTime() - DAY) } });
  return id;
}

describe("pruneAsLeader", () => {
  it("deletes expired sessions and old webhook deliveries on the leader only, keeping the rest", async () => {
    const now = new Date();
    const id = await seed(now);
    const follower = await pruneAsLeader({ db: db(), holder: `other-${id}`, now: () => now }).catch(() => null);
    const leader = await pruneAsLeader({ db: db(), holder: `leader-${id}`, now: () => now });
    // Whichever replica claimed the lease first leads; the other prunes nothing.
    const [ran, idle] = follower ? [follower, leader] : [leader, follower];
    expect(idle).toBeNull();
    expect(ran).toMatchObject({ sessions: expect.any(Number), deliveries: expect.any(Number) });
    expect((await db().session.findMany({ where: { id: { startsWith: id } } })).map((s) => s.id)).toEqual([`${id}-live`]);
    expect((await db().webhookDelivery.findMany({ where: { id: { startsWith: id } } })).map((d) => d.id)).toEqual([`${id}-recent`]);
  });
});
