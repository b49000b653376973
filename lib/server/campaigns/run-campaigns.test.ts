import { randomBytes } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { postgresTestDatabase } from "@/lib/db/testing/postgres-test-database";
import type { Campaign } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { testLogger } from "@/lib/testing/test-logger";
import { cancelCampaign } from "./cancel-campaign";
import { getCampaign } from "./get-campaign";
import { listCampaigns } from "./list-campaigns";
import { pauseCampaign } from "./pause-campaign";
import { resumeCampaign } from "./resume-campaign";
import { retryCampaignTarget } from "./retry-campaign-target";
import { runCampaigns, STALE_OPENING_MS, type CampaignRunnerDeps } from "./run-campaigns";

/**
 * The runner and the reviewer's actions on a real PostgreSQL database, with
 * fakes for what lies outside: the clock, the GitHub budget and the submission
 * of each edit request (which the GitHub test runs for real).
 */
const db = postgresTestDatabase("campaigns");
const rita: Viewer = { sessionId: "s", login: "rita", name: "Rita", kind: "github", teams: ["webops"], reviewer: true };
const alice: Viewer = { sessionId: "s", login: "alice", name: "Alice", kind: "github", teams: ["team-a"], reviewer: false };

async function seedCampaign(namespaces: number, options: { prsPerMinute?: number; skipped?: number } = {}) {
  const id = randomBytes(6).toString("hex");
  await db().campaign.create({
    data: {
      id,
      title: `Bump ${id}`,
      operation: "metadata",
      answers: { slackChannel: "x" },
      filter: {},
      prsPerMinute: options.prsPerMinute ?? 3,
      state: "running",
      createdBy: "rita",
    },
  });
  await db().campaignTarget.createMany({
    data: [
      ...Array.from({ length: namespaces }, (_, i) => ({ campaignId: id, cluster: "live", namespace: `ns-${i}`, state: "pending" as const })),
      ...Array.from({ length: options.skipped ?? 0 }, (_, i) => ({
        campaignId: id,
        cluster: "live",
        namespace: `skip-${i}`,
        state: "skipped" as const,
        reason: "nothing to change",
      })),
    ],
  });
  return id;
}

/** A world whose submissions make a real request row (open, with a pull request number) unless `refuse` says otherwise. */
function world(options: { maxPerMinute?: number } = {}) {
  let now = new Date("2026-12-05T08:00:00Z").getTime();
  let pr = 1000;
  const refuse = new Map<string, AppError | Error>();
  const closed: { number: number; comment: string }[] = [];
  let paused = false;
  const submit = vi.fn<CampaignRunnerDeps["submit"]>(async (campaign: Campaign, target) => {
    const error = refuse.get(target.namespace);
    if (error) throw error;
    const id = randomBytes(6).toString("hex");
    await db().request.create({
      data: {
        id,
        kind: "edit",
        state: "pr_open",
        cluster: target.cluster,
        namespace: target.namespace,
        team: "team-a",
        requester: campaign.createdBy,
        answers: {},
        files: [],
        branch: `berth/edit-${id}`,
        prNumber: (pr += 1),
        campaignId: campaign.id,
      },
    });
    return { id };
  });
  const deps: CampaignRunnerDeps = {
    db: db(),
    now: () => new Date(now),
    maxPerMinute: options.maxPerMinute ?? 10,
    budgetPaused: () => paused,
    submit,
    close: async (number, comment) => void closed.push({ number, comment }),
    log: testLogger(),
  };
  return {
    deps,
    submit,
    refuse,
    closed,
    advance: (ms: number) => void (now += ms),
    setBudgetPaused: (value: boolean) => void (paused = value),
    tick: () => runCampaigns(deps),
  };
}

const targetsOf = async (id: string) => Object.fromEntries((await db().campaignTarget.findMany({ where: { campaignId: id } })).map((t) => [t.namespace, t]));
const turnsOf = (tick: Awaited<ReturnType<typeof runCampaigns>>, id: string) => tick.turns.filter((t) => t.campaignId === id);

describe("the campaign runner", () => {
  it("opens at most prsPerMinute targets in any minute, then finishes the campaign", async () => {
    const w = world();
    const id = await seedCampaign(7, { prsPerMinute: 3, skipped: 1 });
    expect(turnsOf(await w.tick(), id).map((t) => t.namespace)).toEqual(["ns-0", "ns-1", "ns-2"]);
    w.advance(30_000);
    expect(turnsOf(await w.tick(), id)).toEqual([]);
    w.advance(30_001);
    expect(turnsOf(await w.tick(), id).map((t) => t.namespace)).toEqual(["ns-3", "ns-4", "ns-5"]);
    expect((await db().campaign.findUniqueOrThrow({ where: { id } })).state).toBe("running");
    w.advance(60_001);
    expect(turnsOf(await w.tick(), id).map((t) => [t.namespace, t.state])).toEqual([["ns-6", "opened"]]);
    expect((await db().campaign.findUniqueOrThrow({ where: { id } })).state).toBe("finished");
    // Each opened target is bound to its request, which links back to the campaign.
    const targets = await targetsOf(id);
    const requests = await db().request.findMany({ where: { campaignId: id } });
    expect(requests).toHaveLength(7);
    expect(
      Object.values(targets)
        .filter((t) => t.state === "opened")
        .map((t) => t.requestId)
        .sort(),
    ).toEqual(requests.map((r) => r.id).sort());
    expect(targets["skip-0"]).toMatchObject({ state: "skipped", requestId: null });
    // A finished campaign may still be cancelled: its pull requests still open are closed.
    expect(await cancelCampaign({ db: db(), close: w.deps.close, log: testLogger() }, rita, id)).toEqual({ closed: 7 });
    expect(w.closed).toHaveLength(7);
  });

  it("caps every campaign's pace at BERTH_CAMPAIGN_MAX_PRS_PER_MINUTE", async () => {
    const w = world({ maxPerMinute: 2 });
    const id = await seedCampaign(5, { prsPerMinute: 50 });
    expect(turnsOf(await w.tick(), id)).toHaveLength(2);
    w.advance(59_000);
    expect(turnsOf(await w.tick(), id)).toHaveLength(0);
  });

  it("gives no turn while paused, and goes on once resumed; only reviewers pause and resume", async () => {
    const w = world();
    const id = await seedCampaign(2);
    await expect(pauseCampaign(db(), alice, id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(pauseCampaign(db(), rita, "nope")).rejects.toMatchObject({ code: "not_found" });
    await pauseCampaign(db(), rita, id);
    expect(turnsOf(await w.tick(), id)).toEqual([]);
    await expect(resumeCampaign(db(), alice, id)).rejects.toMatchObject({ code: "forbidden" });
    await resumeCampaign(db(), rita, id);
    expect(turnsOf(await w.tick(), id).map((t) => t.state)).toEqual(["opened", "opened"]);
    await expect(pauseCampaign(db(), rita, id)).rejects.toMatchObject({ code: "conflict" });
  });

  it("waits while the GitHub budget pauses background work, submitting nothing", async () => {
    const w = world();
    const id = await seedCampaign(2);
    w.setBudgetPaused(true);
    const tick = await w.tick();
    expect(tick.waiting).toBe(true);
    expect(w.submit).not.toHaveBeenCalled();
    expect(Object.values(await targetsOf(id)).map((t) => t.state)).toEqual(["pending", "pending"]);
    w.setBudgetPaused(false);
    expect(turnsOf(await w.tick(), id)).toHaveLength(2);
  });

  it("re-evaluates each target at its turn: already done is skipped, refused is failed with why; a retry opens it once main is fixed", async () => {
    const w = world();
    const id = await seedCampaign(3);
    w.refuse.set("ns-0", new AppError("invalid_input", "The request has errors", { answers: "These answers change nothing" }));
    w.refuse.set("ns-1", new AppError("invalid_input", "The request has errors", { slackChannel: "The namespace has no slack-channel annotation to change" }));
    w.refuse.set("ns-2", new AppError("not_found", "No namespace ns-2 on cluster live"));
    await w.tick();
    const targets = await targetsOf(id);
    expect(targets["ns-0"]).toMatchObject({ state: "skipped", reason: expect.stringMatching(/^Already done/), requestId: null });
    expect(targets["ns-1"]).toMatchObject({ state: "failed", reason: expect.stringContaining("slackChannel: The namespace has no slack-channel annotation") });
    expect(targets["ns-2"]).toMatchObject({ state: "skipped", reason: expect.stringContaining("no longer exists") });
    expect(await db().request.count({ where: { campaignId: id } })).toBe(0);
    expect((await db().campaign.findUniqueOrThrow({ where: { id } })).state).toBe("finished");

    await expect(retryCampaignTarget(db(), alice, id, { cluster: "live", namespace: "ns-1" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(retryCampaignTarget(db(), rita, id, { cluster: "live" })).rejects.toMatchObject({
      code: "invalid_input",
      fields: { namespace: expect.any(String) },
    });
    await expect(retryCampaignTarget(db(), rita, id, { cluster: "live", namespace: "ns-0" })).rejects.toMatchObject({ code: "conflict" });
    await expect(retryCampaignTarget(db(), rita, id, { cluster: "live", namespace: "nope" })).rejects.toMatchObject({ code: "not_found" });
    w.refuse.delete("ns-1");
    await retryCampaignTarget(db(), rita, id, { cluster: "live", namespace: "ns-1" });
    expect((await db().campaign.findUniqueOrThrow({ where: { id } })).state).toBe("running");
    expect((await targetsOf(id))["ns-1"]).toMatchObject({ state: "pending", attempts: 1 });
    w.advance(60_001);
    await w.tick();
    expect((await targetsOf(id))["ns-1"]).toMatchObject({ state: "opened", reason: null, requestId: expect.any(String) });
    const detail = await getCampaign(db(), alice, id);
    expect(detail.counts).toMatchObject({ opened: 1, skipped: 2, failed: 0, notOpened: 0 });
    expect(detail.targets.find((t) => t.namespace === "ns-1")).toMatchObject({ state: "opened", requestState: "pr_open", attempts: 1 });
  });

  it("a target whose pull request could not be opened is failed with GitHub's answer; the retry closes that request and opens a new one", async () => {
    const w = world();
    const id = await seedCampaign(1);
    w.submit.mockImplementationOnce(async (campaign, target) => {
      const rid = randomBytes(6).toString("hex");
      await db().request.create({
        data: {
          id: rid,
          kind: "edit",
          state: "failed",
          failure: "GitHub answered 502: Bad gateway",
          cluster: target.cluster,
          namespace: target.namespace,
          team: "team-a",
          requester: "rita",
          answers: {},
          files: [],
          branch: `berth/edit-${rid}`,
          campaignId: campaign.id,
        },
      });
      return { id: rid };
    });
    await w.tick();
    const failed = (await targetsOf(id))["ns-0"]!;
    expect(failed).toMatchObject({ state: "failed", reason: "GitHub answered 502: Bad gateway" });
    await retryCampaignTarget(db(), rita, id, { cluster: "live", namespace: "ns-0" });
    expect((await db().request.findUniqueOrThrow({ where: { id: failed.requestId! } })).state).toBe("closed");
    w.advance(60_001);
    await w.tick();
    const opened = (await targetsOf(id))["ns-0"]!;
    expect(opened.state).toBe("opened");
    expect(opened.requestId).not.toBe(failed.requestId);
  });

  it("cancel: pending targets are cancelled and every open request is closed with a comment naming the campaign; merged ones stay", async () => {
    const w = world();
    const id = await seedCampaign(5, { prsPerMinute: 3 });
    await w.tick();
    const [first] = await db().request.findMany({ where: { campaignId: id }, orderBy: { namespace: "asc" } });
    await db().request.update({ where: { id: first!.id }, data: { state: "merged" } });
    await expect(cancelCampaign({ db: db(), close: null, log: testLogger() }, alice, id)).rejects.toMatchObject({ code: "forbidden" });
    const { closed } = await cancelCampaign({ db: db(), close: w.deps.close, log: testLogger() }, rita, id);
    expect(closed).toBe(2);
    const campaign = await db().campaign.findUniqueOrThrow({ where: { id } });
    expect(campaign.state).toBe("cancelled");
    expect(w.closed).toHaveLength(2);
    for (const c of w.closed) expect(c.comment).toBe(`Closed in Berth by rita: campaign "${campaign.title}" (${id}) was cancelled.`);
    const requests = await db().request.findMany({ where: { campaignId: id }, orderBy: { namespace: "asc" } });
    expect(requests.map((r) => r.state)).toEqual(["merged", "closed", "closed"]);
    const targets = await targetsOf(id);
    expect(["ns-3", "ns-4"].map((n) => targets[n]!.state)).toEqual(["cancelled", "cancelled"]);
    w.advance(60_001);
    expect(turnsOf(await w.tick(), id)).toEqual([]);
    const detail = await getCampaign(db(), alice, id);
    expect(detail.counts).toMatchObject({ merged: 1, closed: 2, cancelled: 2, notOpened: 0 });
    expect((await listCampaigns(db(), alice)).find((c) => c.id === id)).toMatchObject({ state: "cancelled", counts: detail.counts });
    await expect(retryCampaignTarget(db(), rita, id, { cluster: "live", namespace: "ns-3" })).rejects.toMatchObject({ code: "conflict" });
  });

  it("a turn a stopped replica left opening is bound to the request it made, or waits for its turn again", async () => {
    const w = world();
    const id = await seedCampaign(2);
    const then = w.deps.now();
    await db().campaignTarget.updateMany({ where: { campaignId: id }, data: { state: "opening", turnAt: then } });
    const rid = randomBytes(6).toString("hex");
    await db().request.create({
      data: {
        id: rid,
        kind: "edit",
        state: "pr_open",
        cluster: "live",
        namespace: "ns-0",
        team: "team-a",
        requester: "rita",
        answers: {},
        files: [],
        branch: `berth/edit-${rid}`,
        campaignId: id,
      },
    });
    w.advance(STALE_OPENING_MS + 1);
    const tick = await w.tick();
    const targets = await targetsOf(id);
    expect(targets["ns-0"]).toMatchObject({ state: "opened", requestId: rid });
    expect(turnsOf(tick, id).map((t) => t.namespace)).toEqual(["ns-1"]);
    expect(targets["ns-1"]).toMatchObject({ state: "opened" });
  });
});
