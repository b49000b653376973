import { createHmac, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type OpenDb } from "@/lib/db/create-db";
import { migrateDatabase } from "@/lib/db/migrate-database";
import { scratchDatabase } from "@/lib/db/testing/scratch-database";
import { handleGitHubWebhook } from "./handle-github-webhook";
import { testLogger } from "@/lib/testing/test-logger";

/**
 * Two Berth replicas share one PostgreSQL database and GitHub delivers (or
 * redelivers) the same webhook to both at once: it is applied exactly once.
 */
const secret = "webhook-secret-0123456789";
const sign = (body: string) => `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
const deps = { secret, repo: "org/envs", baseBranch: "main", onPush: async () => undefined, log: testLogger() };

describe("webhook deliveries with two replicas", () => {
  const url = scratchDatabase("berth_webhooks");
  const replicas: OpenDb[] = [];
  beforeAll(async () => {
    const env = { DATABASE_URL: url, dataDir: "/nonexistent" };
    await migrateDatabase(env);
    replicas.push(createDb(env), createDb(env));
  });
  afterAll(async () => {
    for (const replica of replicas) await replica.close();
  });

  async function openRequest(prNumber: number): Promise<string> {
    const id = randomUUID();
    await replicas[0]!.client.request.create({
      data: {
        id,
        kind: "namespace",
        state: "pr_open",
        cluster: "live",
        namespace: `ns-${prNumber}`,
        team: "t",
        requester: "alice",
        answers: {},
        files: [],
        branch: `berth/pr-${prNumber}`,
        prNumber,
        prHeadRepo: "org/envs",
      },
    });
    return id;
  }

  function approval(prNumber: number) {
    const rawBody = JSON.stringify({
      action: "submitted",
      review: { state: "approved", user: { login: "dana" } },
      pull_request: {
        number: prNumber,
        html_url: `https://github.example/pr/${prNumber}`,
        head: { ref: `berth/pr-${prNumber}`, repo: { full_name: "org/envs" } },
      },
      sender: { login: "dana" },
    });
    return { rawBody, event: "pull_request_review", delivery: randomUUID(), signature: sign(rawBody) };
  }

  it("applies a delivery received by both replicas at the same moment once, and refuses the other as a replay", async () => {
    for (let round = 0; round < 15; round++) {
      const prNumber = 100 + round;
      const id = await openRequest(prNumber);
      const delivery = approval(prNumber);
      const results = await Promise.allSettled(
        replicas.flatMap((r) => [handleGitHubWebhook(r.client, delivery, deps), handleGitHubWebhook(r.client, delivery, deps)]),
      );
      const handled = results.filter((r) => r.status === "fulfilled");
      const refused = results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason as { code?: string });
      expect(handled).toHaveLength(1);
      expect(refused.map((e) => e.code)).toEqual(["conflict", "conflict", "conflict"]);
      const events = await replicas[1]!.client.requestEvent.findMany({ where: { requestId: id } });
      expect(events.map((e) => e.toState)).toEqual(["approved"]);
    }
  });

  it("a delivery that failed half-way is not lost: its redelivery is applied", async () => {
    const id = await openRequest(200);
    const delivery = approval(200);
    // The first replica loses its database connection mid-delivery (closed pool): the claim is given back.
    const broken = createDb({ DATABASE_URL: url, dataDir: "/nonexistent" });
    let failNext = true;
    const flaky = new Proxy(broken.client, {
      get(target, key, receiver) {
        if (key === "$transaction" && failNext) {
          failNext = false;
          return () => Promise.reject(new Error("Connection terminated unexpectedly"));
        }
        return Reflect.get(target, key, receiver);
      },
    });
    await expect(handleGitHubWebhook(flaky, delivery, deps)).rejects.toThrow(/Connection terminated/);
    await broken.close();
    // GitHub redelivers (same delivery id) to the other replica.
    await expect(handleGitHubWebhook(replicas[1]!.client, delivery, deps)).resolves.toEqual({ handled: "pull_request_review -> approved" });
    const request = await replicas[0]!.client.request.findUniqueOrThrow({ where: { id } });
    expect(request.state).toBe("approved");
  });
});
