import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parseEnv } from "@/lib/env";
import { testLogger } from "@/lib/testing/test-logger";
import { createServices } from "./services";
import { fixedClock, NOW } from "./testing/fake-services";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "berth-services-"));
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

const github = {
  BERTH_GIT_PROVIDER: "github",
  GITHUB_ENVIRONMENTS_REPO: "acme/environments",
  GITHUB_BOT_TOKEN: "bot-token",
  GITHUB_WEBHOOK_SECRET: "webhook-secret-0123456789",
};
const make = (settings: Record<string, string> = {}) =>
  createServices(parseEnv({ BERTH_DATA_DIR: dir, BERTH_ENVIRONMENTS_REPO: path.join(dir, "environments"), ...settings }), {
    log: testLogger(),
    clock: fixedClock,
  });

describe("createServices", () => {
  it("is inert until used: no database folder, no timer, and close() has nothing to close", async () => {
    const services = make();
    expect(services.profile.clusters.map((c) => c.name)).toEqual(["live", "live-2"]);
    expect(services.clock.now()).toBe(NOW);
    expect(services.replicaId).toMatch(/-[0-9a-f]{8}$/);
    expect(vi.getTimerCount()).toBe(0);
    await expect(services.close()).resolves.toBeUndefined();
    expect(readdirSync(dir)).toEqual([]);
  });

  it("takes pull-request labels, reviewer teams and the public URL from the settings", () => {
    expect(make({ BERTH_PR_LABELS: "berth, platform", BERTH_REVIEWER_TEAMS: "webops,sre", NEXTAUTH_URL: "https://berth.example" }).draft).toEqual({
      labels: ["berth", "platform"],
      reviewerTeams: ["webops", "sre"],
      publicUrl: "https://berth.example",
    });
    expect(make().draft).toEqual({ labels: ["berth"], reviewerTeams: ["webops"], publicUrl: null });
  });

  it("makes the inventory store on first use, indexing nothing yet, and close() stops its timer", async () => {
    const services = make();
    expect(services.inventory.status()).toEqual({ loaded: false, commit: null, namespaces: 0, checkedAt: null });
    expect(services.inventory).toBe(services.inventory);
    expect(vi.getTimerCount()).toBe(1);
    await services.close();
    expect(vi.getTimerCount()).toBe(0);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("wires the local provider as merger, GitHub as reader", () => {
    const local = make().git;
    expect(local).toMatchObject({ provider: { kind: "local" }, reader: null });
    expect(local.merger).toBe(local.provider);
    const remote = make(github).git;
    expect(remote).toMatchObject({ provider: { kind: "github" }, merger: null });
    expect(remote.reader).toBe(remote.provider);
  });

  it("shows every profile cluster as not configured without a kubeconfig, and checks BERTH_KUBE_IN_CLUSTER only when clusters are first used", () => {
    expect(make().clusters).toEqual({
      watchers: [],
      unconfigured: [
        { cluster: "live", reason: "no kubeconfig is configured" },
        { cluster: "live-2", reason: "no kubeconfig is configured" },
      ],
      since: NOW,
    });
    const misnamed = make({ BERTH_KUBE_IN_CLUSTER: "elsewhere" });
    expect(() => misnamed.clusters).toThrow(/BERTH_KUBE_IN_CLUSTER names elsewhere, which is not a cluster of the profile/);
  });
});

describe("startBackgroundWork", () => {
  it("for the local provider, only prunes expired rows (hourly), never polls", async () => {
    const services = make();
    const poll = vi.fn(async () => 0);
    services.startBackgroundWork(poll);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(10 * services.env.BERTH_POLL_SECONDS * 1000);
    expect(poll).not.toHaveBeenCalled();
  });

  it("with GitHub, starts the prune, sync and poll timers once, and close() stops them", async () => {
    const services = make(github);
    const poll = vi.fn(async () => 0);
    services.startBackgroundWork(poll);
    services.startBackgroundWork(poll);
    expect(vi.getTimerCount()).toBe(3);
    await services.close();
    expect(vi.getTimerCount()).toBe(0);
    expect(poll).not.toHaveBeenCalled();
  });
});
