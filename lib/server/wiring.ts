import { buildIndex, type InventoryIndex } from "@/lib/environments/build-index";
import { headCommit } from "@/lib/environments/head-commit";
import { loadProfile, type PlatformProfile } from "@/lib/environments/profile";
import { updateIndex } from "@/lib/environments/update-index";
import { getDb } from "@/lib/db/client";
import { getEnv, type Env } from "@/lib/env";
import type { BranchMerger, GitProvider, PullRequestReader } from "@/lib/git/git-provider";
import { createGitHubProvider } from "@/lib/git/github-provider";
import { createLocalProvider } from "@/lib/git/local-provider";
import { syncClone } from "@/lib/git/sync-clone";
import { loadClusterConfigs } from "@/lib/clusters/load-cluster-configs";
import { createKubeClusterSource } from "@/lib/clusters/kube-cluster-source";
import { watchCluster, type ClusterWatcher } from "@/lib/clusters/cluster-watcher";
import { randomBytes } from "node:crypto";
import os from "node:os";
import { systemClock, type Clock } from "./clock";
import { getClusterHealth } from "./cluster-health";
import { createInventoryStore, type InventoryStore } from "./inventory-store";
import { runIfLeader } from "./leases/run-if-leader";
import { log } from "./log";
import { createMetrics, type Metrics } from "./metrics";
import { createRateLimiter, type RateLimiter } from "./rate-limit";

/**
 * The one place that chooses real implementations. Long-lived objects sit on
 * globalThis so that a dev-server reload does not index the repository twice.
 */
const state = globalThis as typeof globalThis & {
  berthProfile?: PlatformProfile;
  berthInventory?: InventoryStore;
  berthGit?: Providers;
  berthTimers?: NodeJS.Timeout[];
  berthClusters?: Clusters;
  berthMetrics?: Metrics;
  berthLimits?: { mutations: RateLimiter; webhooks: RateLimiter };
  berthReplica?: string;
};

/** The profile's clusters: a watcher for each one Berth can reach, the reason for each it cannot. */
export interface Clusters {
  watchers: ClusterWatcher[];
  unconfigured: { cluster: string; reason: string }[];
}

type Providers = { provider: GitProvider; reader: PullRequestReader | null; merger: BranchMerger | null };

export function getClock(): Clock {
  return systemClock;
}

export function getProfile(): PlatformProfile {
  state.berthProfile ??= loadProfile(getEnv().BERTH_PROFILE);
  return state.berthProfile;
}

export function getInventoryStore(): InventoryStore {
  if (!state.berthInventory) {
    const env = getEnv();
    const profile = getProfile();
    const repoPath = env.environmentsRepo;
    state.berthInventory = createInventoryStore<InventoryIndex>({
      indexer: {
        build: () => buildIndex({ repoPath, profile }),
        head: () => headCommit(repoPath),
        update: (index, commit) => updateIndex(index, { commit }),
      },
      refreshMs: env.BERTH_INDEX_REFRESH_SECONDS * 1000,
      now: () => getClock().now(),
      onIndexed: async (run) => {
        await getDb().indexRun.create({ data: run });
      },
      log: (message, error) => log.warn(message, { error }),
    });
  }
  return state.berthInventory;
}

/** The git provider the settings choose: GitHub (with a reader for the poller) or the local repository (with a merger). */
export function getGit(): Providers {
  if (!state.berthGit) {
    const env = getEnv();
    if (env.BERTH_GIT_PROVIDER === "github") {
      const [owner, repo] = env.GITHUB_ENVIRONMENTS_REPO!.split("/") as [string, string];
      const github = createGitHubProvider({ apiUrl: env.GITHUB_API_URL, token: env.GITHUB_BOT_TOKEN!, owner, repo, baseBranch: env.BERTH_BASE_BRANCH, onCall: (call) => getMetrics().githubCall(call) });
      state.berthGit = { provider: github, reader: github, merger: null };
    } else {
      const local = createLocalProvider({ repoPath: env.environmentsRepo, baseBranch: env.BERTH_BASE_BRANCH });
      state.berthGit = { provider: local, reader: null, merger: local };
    }
  }
  return state.berthGit;
}

/** How pull requests are labelled and who is asked to review them. */
export function getDraftSettings(env: Env = getEnv()) {
  return { labels: env.BERTH_PR_LABELS, reviewerTeams: env.BERTH_REVIEWER_TEAMS, publicUrl: env.NEXTAUTH_URL ?? null };
}

/** With GitHub as the provider, Berth's own bare clone of the default branch, then a re-index. */
export async function syncEnvironmentsClone(): Promise<void> {
  const env = getEnv();
  if (env.BERTH_GIT_PROVIDER !== "github") return;
  await syncClone({
    remote: `${env.GITHUB_WEB_URL.replace(/\/$/, "")}/${env.GITHUB_ENVIRONMENTS_REPO}.git`,
    path: env.environmentsRepo,
    branch: env.BERTH_BASE_BRANCH,
    token: env.GITHUB_BOT_TOKEN,
  });
  if (state.berthInventory) await state.berthInventory.refresh();
}

/** This process, as lease holder: the host name (the pod's name in Kubernetes) and a random suffix. */
export function replicaId(): string {
  state.berthReplica ??= `${os.hostname()}-${randomBytes(4).toString("hex")}`;
  return state.berthReplica;
}

/** The process's metrics, fed from the database, the index and the clusters; GitHub clients report their calls to it. */
export function getMetrics(): Metrics {
  if (!state.berthMetrics) {
    const metrics = createMetrics({
      requestStates: async () => {
        const rows = await getDb().request.groupBy({ by: ["state"], _count: { _all: true } });
        return Object.fromEntries(rows.map((row) => [row.state, row._count._all]));
      },
      inventory: () => getInventoryStore().status(),
      clusters: getClusterHealth,
      now: () => getClock().now(),
      onError: (what, error) => log.warn(`metrics: ${what} failed`, { error: String(error) }),
    });
    state.berthMetrics = metrics;
  }
  return state.berthMetrics;
}

/** Per-client token buckets (in this process) for mutations and webhook deliveries. */
export function getRateLimits(): { mutations: RateLimiter; webhooks: RateLimiter } {
  if (!state.berthLimits) {
    const env = getEnv();
    const rule = (perMinute: number) => ({ capacity: Math.max(5, Math.ceil(perMinute / 2)), perSecond: perMinute / 60 });
    state.berthLimits = { mutations: createRateLimiter(rule(env.BERTH_RATE_LIMIT_MUTATIONS)), webhooks: createRateLimiter(rule(env.BERTH_RATE_LIMIT_WEBHOOKS)) };
  }
  return state.berthLimits;
}

/**
 * Background work of a GitHub-backed Berth, started once per process:
 *
 * - fetching the clone runs on every replica, because each replica reads its
 *   own clone (an emptyDir in deploy/): a replica that skipped it would serve
 *   an old inventory;
 * - polling pull requests writes request states and spends GitHub's rate
 *   limit, so it runs on one replica at a time, the holder of the "poller"
 *   lease. The lease lasts 2.5 rounds: a live holder renews it every round,
 *   a dead one's is taken over within three.
 */
export function startBackgroundWork(poll: () => Promise<unknown>): void {
  const env = getEnv();
  if (state.berthTimers || env.BERTH_GIT_PROVIDER !== "github") return;
  const every = env.BERTH_POLL_SECONDS * 1000;
  const safely = (what: string, work: () => Promise<unknown>) => () => void work().catch((error) => log.warn(`${what} failed`, { error: String(error) }));
  const pollAsLeader = () =>
    runIfLeader({ db: getDb(), name: "poller", holder: replicaId(), ttlMs: every * 2.5, work: poll, onLease: (held) => getMetrics().lease("poller", held) });
  state.berthTimers = [setInterval(safely("syncing the environments clone", syncEnvironmentsClone), every), setInterval(safely("polling pull requests", pollAsLeader), every)];
  for (const timer of state.berthTimers) timer.unref();
}

/**
 * Starts watching every configured cluster (once). `onNamespace` hears of
 * namespaces appearing, for requests waiting to be applied.
 */
export function getClusters(onNamespace?: (cluster: string, namespace: string) => void, onFirstSync?: () => void): Clusters {
  if (!state.berthClusters) {
    const env = getEnv();
    const profile = getProfile();
    if (env.BERTH_KUBE_IN_CLUSTER && !profile.clusters.some((c) => c.name === env.BERTH_KUBE_IN_CLUSTER)) {
      throw new Error(`BERTH_KUBE_IN_CLUSTER names ${env.BERTH_KUBE_IN_CLUSTER}, which is not a cluster of the profile (${profile.clusters.map((c) => c.name).join(", ")})`);
    }
    const configs = loadClusterConfigs({ clusters: profile.clusters, kubeconfigPath: env.BERTH_KUBECONFIG, inCluster: env.BERTH_KUBE_IN_CLUSTER });
    const clusters: Clusters = { watchers: [], unconfigured: [] };
    for (const c of configs) {
      if (!c.config) {
        clusters.unconfigured.push({ cluster: c.cluster, reason: c.reason });
        continue;
      }
      clusters.watchers.push(
        watchCluster({
          name: c.cluster,
          source: createKubeClusterSource(c.config),
          now: () => getClock().now(),
          onNamespace: onNamespace && ((type, ns) => type !== "DELETED" && onNamespace(c.cluster, ns.name)),
          onFirstSync,
          onStateChange: ({ cluster, state, reason }) => {
            if (state === "unreachable") log.warn(`cluster ${cluster} is unreachable`, { cluster, state, reason });
            else log.info(`cluster ${cluster} is ${state}`, { cluster, state });
          },
        }),
      );
    }
    state.berthClusters = clusters;
  }
  return state.berthClusters;
}
