import type { Viewer } from "@/lib/auth/viewer";
import { createSessionTokenCache } from "@/lib/auth/session-token-cache";
import { createViewerCache } from "@/lib/auth/viewer-cache";
import type { ClusterWatcher } from "@/lib/clusters/cluster-watcher";
import type { Db } from "@/lib/db/create-db";
import { parseEnv } from "@/lib/env";
import { loadProfile } from "@/lib/environments/profile/profile";
import type { NamespaceRecord } from "@/lib/environments/types";
import { testLogger } from "@/lib/testing/test-logger";
import type { Clock } from "../clock";
import type { Clusters } from "../cluster-health";
import type { InventorySnapshot, InventoryStore } from "../inventory-store";
import { createMetrics } from "../metrics";
import { createRateLimiter } from "../rate-limit";
import { createConcurrencyLimit } from "../concurrency-limit";
import { createGitHubCost } from "../create-github-cost";
import type { GitServices, Services } from "../services";
import { createTextCache } from "../text-cache";

/** "Today" in every use-case test. */
export const NOW = new Date("2026-06-01T00:00:00Z");
export const fixedClock: Clock = { now: () => NOW };

/** The built-in Cloud Platform profile: clusters live and live-2. */
export const profile = loadProfile(undefined);

export function viewer(login: string, teams: string[], reviewer = false): Viewer {
  return { sessionId: `session-${login}`, login, name: login, kind: "github", teams, reviewer };
}

/** One viewer of each role the policy tells apart, for records of namespaceRecord() (owned by team-a). */
export const roles = {
  member: viewer("mel", ["unrelated"]),
  owner: viewer("olly", ["team-a"]),
  reviewer: viewer("rita", ["webops"], true),
};

/** A snapshot as the inventory store makes one: sorted by cluster, then name. */
export function inventorySnapshot(namespaces: NamespaceRecord[], commit = "c0ffee0000000000000000000000000000000000"): InventorySnapshot {
  const sorted = [...namespaces].sort((a, b) => a.cluster.localeCompare(b.cluster) || a.name.localeCompare(b.name));
  return { commit, indexedAt: NOW, namespaces: sorted, find: (cluster, name) => sorted.find((ns) => ns.cluster === cluster && ns.name === name) };
}

/** An inventory store serving one snapshot (replace it with `current = ...`); counts refreshes. */
export function fakeInventory(snapshot: InventorySnapshot = inventorySnapshot([])): InventoryStore & { current: InventorySnapshot; refreshes: number } {
  return {
    current: snapshot,
    refreshes: 0,
    status() {
      return { loaded: true, commit: this.current.commit, namespaces: this.current.namespaces.length, checkedAt: this.current.indexedAt };
    },
    async snapshot() {
      return this.current;
    },
    async refresh() {
      this.refreshes++;
    },
    stop: () => undefined,
  };
}

export function clustersOf(watchers: ClusterWatcher[], unconfigured: Clusters["unconfigured"] = []): Clusters {
  return { watchers, unconfigured, since: NOW };
}

/**
 * Stands in for a system a test did not fake: any use of it throws, naming
 * what was used, so a use-case that reaches for the database unexpectedly
 * fails its test instead of hanging on a connection.
 */
function absent<T>(what: string): T {
  return new Proxy(
    {},
    {
      get(_, key) {
        if (typeof key === "symbol" || key === "then") return undefined;
        throw new Error(`this test gave the use-case no ${what} (it used ${what}.${key})`);
      },
    },
  ) as T;
}

/** Git as a use-case sees it; the provider (opening pull requests) is absent. */
export function gitOf(parts: Partial<Omit<GitServices, "provider">> = {}): GitServices {
  return {
    provider: absent("git provider"),
    updater: parts.updater ?? absent("git updater"),
    reader: parts.reader ?? null,
    merger: parts.merger ?? null,
    teams: parts.teams ?? null,
    prototypeRepos: parts.prototypeRepos ?? null,
  };
}

export type TestLogger = ReturnType<typeof testLogger>;

/**
 * Services for a use-case test: the local-provider settings, the built-in
 * profile, a fixed clock, an empty inventory, no clusters configured, real
 * in-memory metrics, caches and rate limiters, and a log that keeps its
 * lines. The database and git are absent unless given. Nothing opens a
 * connection or starts a timer.
 */
export function fakeServices(overrides: Partial<Omit<Services, "log">> = {}): Services & { log: TestLogger } {
  const inventory = overrides.inventory ?? fakeInventory();
  const clusters =
    overrides.clusters ??
    clustersOf(
      [],
      profile.clusters.map((c) => ({ cluster: c.name, reason: "no kubeconfig is configured" })),
    );
  return {
    env: parseEnv({}),
    profile,
    clock: fixedClock,
    db: absent<Db>("database"),
    inventory,
    git: gitOf(),
    githubCost: createGitHubCost({ BERTH_POLL_SECONDS: 60, BERTH_POLL_STRETCHED_SECONDS: 600, BERTH_GITHUB_RESERVE: 500 }, fixedClock),
    draft: { labels: ["berth"], reviewerTeams: ["webops"], publicUrl: null },
    clusters,
    clusterListeners: { namespace: new Set(), firstSync: new Set() },
    metrics: createMetrics(
      { requestStates: async () => ({}), inventory: () => inventory.status(), clusters: () => [], now: () => NOW },
      { defaultMetrics: false },
    ),
    notifier: null,
    rateLimits: { mutations: createRateLimiter({ capacity: 5, perSecond: 1 }), webhooks: createRateLimiter({ capacity: 5, perSecond: 1 }) },
    podLogs: { source: () => null, reads: createRateLimiter({ capacity: 5, perSecond: 1 }), follows: createConcurrencyLimit(2) },
    viewers: createViewerCache({ freshMs: 5_000, staleMs: 60_000, max: 100, now: () => NOW.getTime() }),
    sessionTokens: createSessionTokenCache({ max: 100, now: () => NOW.getTime() }),
    inventoryJson: createTextCache(1024 * 1024),
    replicaId: "test-replica",
    syncClone: async () => undefined,
    startBackgroundWork: () => undefined,
    close: async () => undefined,
    ...overrides,
    log: testLogger(),
  };
}
