import "server-only";
import { randomBytes } from "node:crypto";
import os from "node:os";
import { createSessionTokenCache, type SessionTokenCache } from "@/lib/auth/session-token-cache";
import { createViewerCache, type ViewerCache } from "@/lib/auth/viewer-cache";
import { watchCluster } from "@/lib/clusters/cluster-watcher";
import { createKubeClusterSource } from "@/lib/clusters/kube-cluster-source";
import { loadClusterConfigs } from "@/lib/clusters/load-cluster-configs";
import { createPodLogSource, type PodLogSource } from "@/lib/clusters/pod-logs";
import { createDb, type Db, type OpenDb } from "@/lib/db/create-db";
import { readEnv, type Env } from "@/lib/env";
import { buildIndex, type InventoryIndex } from "@/lib/environments/repository/build-index";
import { headCommit } from "@/lib/environments/repository/head-commit";
import { loadProfile, type PlatformProfile } from "@/lib/environments/profile/profile";
import { updateIndex } from "@/lib/environments/repository/update-index";
import type { BranchMerger, GitProvider, PullRequestReader, PullRequestUpdater, TeamDirectory } from "@/lib/git/git-provider";
import { createGitHubProvider } from "@/lib/git/github-provider";
import { createLocalProvider } from "@/lib/git/local-provider";
import type { PrototypeRepos } from "./requests/open-prototype-deploy-pr";
import { syncClone } from "@/lib/git/sync-clone";
import { createLogger, type Logger } from "@/lib/log";
import { systemClock, type Clock } from "./clock";
import { clusterHealth, type Clusters } from "./cluster-health";
import { createInventoryStore, type InventoryStore } from "./inventory-store";
import { PRUNE_EVERY_MS, pruneAsLeader } from "./prune-expired-rows";
import { runIfLeader } from "./leases/run-if-leader";
import { createMetrics, type Metrics } from "./metrics";
import { createRateLimiter, type RateLimiter } from "./rate-limit";
import { createConcurrencyLimit, type ConcurrencyLimit } from "./concurrency-limit";
import { createGitHubCost, type GitHubCost } from "./create-github-cost";
import { createTextCache, type TextCache } from "./text-cache";
import { dispatchNotifications } from "./notifications/dispatch-notifications";
import { createSlackNotifier, type Notifier } from "./notifications/slack-notifier";

/** Who hears of cluster events: requests waiting for their namespace, the start-up's garbage collection. */
export interface ClusterListeners {
  namespace: Set<(cluster: string, namespace: string) => void>;
  firstSync: Set<() => void>;
}

export interface GitServices {
  provider: GitProvider;
  /** Adds a revision's commit to a request's branch (both providers). */
  updater: PullRequestUpdater;
  /** GitHub: reads pull requests for the poller. */
  reader: PullRequestReader | null;
  /** Local: merges in Berth. */
  merger: BranchMerger | null;
  /** GitHub: the organisation's teams (an added admin team must exist). */
  teams: TeamDirectory | null;
  /** GitHub: prototype sites' own repositories in the environments repository's organisation, for their deployment pull requests. */
  prototypeRepos: PrototypeRepos | null;
}

/** Pod logs: read from a cluster when asked (never cached), within per-user limits. */
export interface PodLogs {
  /** The cluster's log reader; null for a cluster Berth has no credentials for. */
  source(cluster: string): PodLogSource | null;
  /** Reads started per user. */
  reads: RateLimiter;
  /** Follows open at once per user. */
  follows: ConcurrencyLimit;
}

/** How pull requests are labelled and who is asked to review them. */
export interface DraftSettings {
  labels: string[];
  reviewerTeams: string[];
  publicUrl: string | null;
}

/**
 * Everything real that Berth's use-cases use, made once per process. A
 * use-case takes the part it needs (`Pick<Services, "db" | "clock">`), so a
 * unit test passes fakes for exactly those. Nothing here opens a connection
 * or starts a timer until first used, so `next build` and imports stay inert.
 */
export interface Services {
  readonly env: Env;
  readonly profile: PlatformProfile;
  readonly clock: Clock;
  readonly log: Logger;
  /** The Prisma client; with the embedded database, the first use locks its folder (migrate before). */
  readonly db: Db;
  readonly inventory: InventoryStore;
  readonly git: GitServices;
  readonly githubCost: GitHubCost;
  readonly draft: DraftSettings;
  /** Watching starts on first use. */
  readonly clusters: Clusters;
  readonly clusterListeners: ClusterListeners;
  readonly metrics: Metrics;
  /** Slack notifications of request events, when BERTH_SLACK_WEBHOOK_URL is set; sent by the background work. */
  readonly notifier: Notifier | null;
  readonly rateLimits: { mutations: RateLimiter; webhooks: RateLimiter };
  readonly podLogs: PodLogs;
  /** Signed-in viewers by session id, in this process. */
  readonly viewers: ViewerCache;
  /** Session ids by session cookie, in this process (decoding a cookie is a key derivation and a decryption). */
  readonly sessionTokens: SessionTokenCache;
  /** The inventory API's serialised pages. */
  readonly inventoryJson: TextCache;
  /** This process as lease holder: the host name (the pod's name in Kubernetes) and a random suffix. */
  readonly replicaId: string;
  /** With GitHub as the provider, fetches Berth's own bare clone of the default branch, then re-indexes. */
  syncClone(): Promise<void>;
  /** Background work of a GitHub-backed Berth, and campaigns' runner in every mode (see the function); once. */
  startBackgroundWork(poll: () => Promise<unknown>, campaigns?: () => Promise<unknown>): void;
  /** Stops timers and watchers and closes the database (tests, scripts). */
  close(): Promise<void>;
}

/** How often new request events are announced on Slack. */
const NOTIFY_EVERY_MS = 2_000;
/** How often the campaign runner gives pending targets their turn (each campaign's pace is per minute). */
const CAMPAIGN_TICK_MS = 5_000;

/** A per-minute setting as a token bucket: bursts up to half a minute's worth. */
const rule = (perMinute: number) => ({ capacity: Math.max(5, Math.ceil(perMinute / 2)), perSecond: perMinute / 60 });

/** Remembers what `make` returns the first time it is asked for; `made()` tells without making it. */
function once<T>(make: () => T): (() => T) & { made(): T | undefined } {
  let made: { value: T } | undefined;
  return Object.assign(() => (made ??= { value: make() }).value, { made: () => made?.value });
}

export function createServices(env: Env, options: { log?: Logger; clock?: Clock } = {}): Services {
  const log = options.log ?? createLogger();
  const clock = options.clock ?? systemClock;
  const profile = loadProfile(env.BERTH_PROFILE);
  const clusterListeners: ClusterListeners = { namespace: new Set(), firstSync: new Set() };
  const timers: NodeJS.Timeout[] = [];
  let openDb: OpenDb | undefined;

  const db = () => (openDb ??= createDb(env)).client;

  const inventory = once(() =>
    createInventoryStore<InventoryIndex>({
      indexer: {
        build: () => buildIndex({ repoPath: env.environmentsRepo, profile }),
        head: () => headCommit(env.environmentsRepo),
        update: (index, commit) => updateIndex(index, { commit }),
      },
      refreshMs: env.BERTH_INDEX_REFRESH_SECONDS * 1000,
      now: () => clock.now(),
      onIndexed: async (run) => {
        await db().indexRun.create({ data: run });
      },
      log: (message, error) => log.warn(message, { error }),
    }),
  );

  const githubCost = createGitHubCost(env, clock);

  /** The bot on GitHub: one client, so an App's installation token is minted once and shared by the API and the clone. */
  const github = once(() => {
    const [owner, repo] = env.GITHUB_ENVIRONMENTS_REPO!.split("/") as [string, string];
    return createGitHubProvider({
      apiUrl: env.GITHUB_API_URL,
      auth: env.githubApp ?? env.GITHUB_BOT_TOKEN!,
      owner,
      repo,
      baseBranch: env.BERTH_BASE_BRANCH,
      log,
      onCall: (call) => {
        metrics().githubCall(call);
        githubCost.budget.observe(call);
      },
    });
  });

  /** The bot in a prototype's own repository (same organisation, same credentials), one client per repository. */
  const prototypeRepos = once((): PrototypeRepos => {
    const [owner] = env.GITHUB_ENVIRONMENTS_REPO!.split("/") as [string, string];
    const providers = new Map<string, ReturnType<PrototypeRepos["provider"]>>();
    return {
      fullName: (repository) => `${owner}/${repository}`,
      provider(repository) {
        let provider = providers.get(repository);
        if (!provider) {
          provider = createGitHubProvider({
            apiUrl: env.GITHUB_API_URL,
            auth: env.githubApp ?? env.GITHUB_BOT_TOKEN!,
            owner,
            repo: repository,
            baseBranch: profile.prototype?.branch ?? "main",
            log,
            onCall: (call) => {
              metrics().githubCall(call);
              githubCost.budget.observe(call);
            },
          });
          providers.set(repository, provider);
        }
        return provider;
      },
    };
  });

  const git = once((): GitServices => {
    if (env.BERTH_GIT_PROVIDER === "github")
      return { provider: github(), updater: github(), reader: github(), merger: null, teams: github(), prototypeRepos: prototypeRepos() };
    const local = createLocalProvider({ repoPath: env.environmentsRepo, baseBranch: env.BERTH_BASE_BRANCH });
    return { provider: local, updater: local, reader: null, merger: local, teams: null, prototypeRepos: null };
  });

  const clusterConfigs = once(() => {
    if (env.BERTH_KUBE_IN_CLUSTER && !profile.clusters.some((c) => c.name === env.BERTH_KUBE_IN_CLUSTER)) {
      throw new Error(
        `BERTH_KUBE_IN_CLUSTER names ${env.BERTH_KUBE_IN_CLUSTER}, which is not a cluster of the profile (${profile.clusters.map((c) => c.name).join(", ")})`,
      );
    }
    return loadClusterConfigs({ clusters: profile.clusters, kubeconfigPath: env.BERTH_KUBECONFIG, inCluster: env.BERTH_KUBE_IN_CLUSTER });
  });

  const clusters = once((): Clusters => {
    const set: Clusters = { watchers: [], unconfigured: [], since: clock.now() };
    for (const c of clusterConfigs()) {
      if (!c.config) {
        set.unconfigured.push({ cluster: c.cluster, reason: c.reason });
        continue;
      }
      set.watchers.push(
        watchCluster({
          name: c.cluster,
          source: createKubeClusterSource(c.config),
          now: () => clock.now(),
          onNamespace: (type, ns) => {
            if (type !== "DELETED") for (const listener of clusterListeners.namespace) listener(c.cluster, ns.name);
          },
          onFirstSync: () => {
            for (const listener of clusterListeners.firstSync) listener();
          },
          onStateChange: ({ cluster, state, reason }) => {
            if (state === "unreachable") log.warn(`cluster ${cluster} is unreachable`, { cluster, state, reason });
            else log.info(`cluster ${cluster} is ${state}`, { cluster, state });
          },
        }),
      );
    }
    return set;
  });

  const metrics = once(() =>
    createMetrics({
      requestStates: async () => {
        const rows = await db().request.groupBy({ by: ["state"], _count: { _all: true } });
        return Object.fromEntries(rows.map((row) => [row.state, row._count._all]));
      },
      inventory: () => inventory().status(),
      clusters: () => clusterHealth({ clusters: clusters(), profile }),
      now: () => clock.now(),
      onError: (what, error) => log.warn(`metrics: ${what} failed`, { error: String(error) }),
    }),
  );

  const rateLimits = once(() => {
    return { mutations: createRateLimiter(rule(env.BERTH_RATE_LIMIT_MUTATIONS)), webhooks: createRateLimiter(rule(env.BERTH_RATE_LIMIT_WEBHOOKS)) };
  });

  const podLogs = once((): PodLogs => {
    const sources = new Map(clusterConfigs().flatMap((c) => (c.config ? [[c.cluster, createPodLogSource(c.config)] as const] : [])));
    return {
      source: (cluster) => sources.get(cluster) ?? null,
      reads: createRateLimiter(rule(env.BERTH_RATE_LIMIT_LOG_READS)),
      follows: createConcurrencyLimit(env.BERTH_LOG_FOLLOWS_PER_USER),
    };
  });

  const viewers = once(() =>
    createViewerCache({
      freshMs: 5_000,
      staleMs: 5 * 60_000,
      max: 10_000,
      now: Date.now,
      onStale: (_session, error) => log.warn("session store unavailable; using the viewer read before", { error: String(error) }),
    }),
  );
  const sessionTokens = once(() => createSessionTokenCache({ max: 10_000, now: Date.now }));
  const inventoryJson = once(() => createTextCache(32 * 1024 * 1024));
  const notifier = env.BERTH_SLACK_WEBHOOK_URL ? createSlackNotifier({ url: env.BERTH_SLACK_WEBHOOK_URL, publicUrl: env.NEXTAUTH_URL ?? null }) : null;
  const replicaId = `${os.hostname()}-${randomBytes(4).toString("hex")}`;

  /** A GitHub App that cannot mint a token is a settings problem more often than an outage: say which settings. */
  function explainBotFailure(error: unknown): never {
    const message = error instanceof Error ? error.message : String(error);
    if (!env.githubApp) throw error;
    const { appId, installationId } = env.githubApp;
    throw new Error(`the GitHub App could not get an installation token (GITHUB_APP_ID ${appId}, GITHUB_APP_INSTALLATION_ID ${installationId}): ${message}`);
  }

  async function syncEnvironmentsClone(): Promise<void> {
    if (env.BERTH_GIT_PROVIDER !== "github") return;
    const sync = (fresh: boolean) =>
      syncClone({
        remote: `${env.GITHUB_WEB_URL.replace(/\/$/, "")}/${env.GITHUB_ENVIRONMENTS_REPO}.git`,
        path: env.environmentsRepo,
        branch: env.BERTH_BASE_BRANCH,
        token: () => github().gitToken(fresh).catch(explainBotFailure),
      });
    // git tells no status, so a fetch an App's token failed is tried once more
    // with a new token: GitHub may have revoked the one Berth holds.
    await sync(false).catch((error: unknown) => {
      if (!env.githubApp || String(error).includes("installation token")) throw error;
      return sync(true);
    });
    await inventory().refresh();
  }

  /**
   * Fetching the clone runs on every replica, because each replica reads its
   * own clone (an emptyDir in deploy/): a replica that skipped it would serve
   * an old inventory. Polling pull requests writes request states and spends
   * GitHub's rate limit, so it runs on one replica at a time, the holder of
   * the "poller" lease. The lease lasts 2.5 rounds: a live holder renews it
   * every round, a dead one's is taken over within three.
   */
  function startBackgroundWork(poll: () => Promise<unknown>, campaigns?: () => Promise<unknown>): void {
    if (timers.length > 0) return;
    const safely = (what: string, work: () => Promise<unknown>) => () => void work().catch((error) => log.warn(`${what} failed`, { error: String(error) }));
    // Expired sessions and old webhook deliveries would otherwise pile up for ever; one replica prunes, in every mode.
    const prune = async () => {
      const pruned = await pruneAsLeader({ db: db(), holder: replicaId, now: () => clock.now(), onLease: (held) => metrics().lease("pruner", held) });
      if (pruned) log.info("pruned expired rows", { ...pruned });
    };
    timers.push(setInterval(safely("pruning expired rows", prune), PRUNE_EVERY_MS));
    timers[0]!.unref();
    if (notifier) {
      // Every replica may send: each event is claimed in the database before it is sent.
      const notify = () => dispatchNotifications({ db: db(), notifier, log, now: () => clock.now() });
      timers.push(setInterval(safely("sending notifications", notify), NOTIFY_EVERY_MS));
      timers.at(-1)!.unref();
    }
    if (campaigns) {
      // Campaigns open pull requests (and spend GitHub's budget) on one replica at a time; a tick still running is not started again.
      let busy = false;
      const run = async () => {
        if (busy) return;
        busy = true;
        try {
          await runIfLeader({
            db: db(),
            name: "campaigns",
            holder: replicaId,
            ttlMs: 120_000,
            work: campaigns,
            onLease: (held) => metrics().lease("campaigns", held),
          });
        } finally {
          busy = false;
        }
      };
      timers.push(setInterval(safely("running campaigns", run), CAMPAIGN_TICK_MS));
      timers.at(-1)!.unref();
    }
    if (env.BERTH_GIT_PROVIDER !== "github") return;
    const every = env.BERTH_POLL_SECONDS * 1000;
    const pollAsLeader = () =>
      runIfLeader({ db: db(), name: "poller", holder: replicaId, ttlMs: every * 2.5, work: poll, onLease: (held) => metrics().lease("poller", held) });
    timers.push(
      setInterval(safely("syncing the environments clone", syncEnvironmentsClone), every),
      setInterval(safely("polling pull requests", pollAsLeader), every),
    );
    for (const timer of timers) timer.unref();
  }

  return {
    env,
    profile,
    clock,
    log,
    get db() {
      return db();
    },
    get inventory() {
      return inventory();
    },
    get git() {
      return git();
    },
    githubCost,
    draft: { labels: env.BERTH_PR_LABELS, reviewerTeams: env.BERTH_REVIEWER_TEAMS, publicUrl: env.NEXTAUTH_URL ?? null },
    get clusters() {
      return clusters();
    },
    clusterListeners,
    get metrics() {
      return metrics();
    },
    notifier,
    get rateLimits() {
      return rateLimits();
    },
    get podLogs() {
      return podLogs();
    },
    get viewers() {
      return viewers();
    },
    get sessionTokens() {
      return sessionTokens();
    },
    get inventoryJson() {
      return inventoryJson();
    },
    replicaId,
    syncClone: syncEnvironmentsClone,
    startBackgroundWork,
    async close() {
      for (const timer of timers.splice(0)) clearInterval(timer);
      inventory.made()?.stop();
      for (const watcher of clusters.made()?.watchers ?? []) watcher.stop();
      await openDb?.close();
      openDb = undefined;
    },
  };
}

// Note: the one module-level instance. On globalThis because Next bundles
// instrumentation, routes and pages apart, and its dev server reloads modules:
// all of them must share one database lock, one index and one set of watchers.
const root = globalThis as typeof globalThis & { berthServices?: Services };

/** This process's services, made from the settings on first use. */
export function getServices(): Services {
  root.berthServices ??= createServices(readEnv());
  return root.berthServices;
}
