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
import { systemClock, type Clock } from "./clock";
import { createInventoryStore, type InventoryStore } from "./inventory-store";

/**
 * The one place that chooses real implementations. Long-lived objects sit on
 * globalThis so that a dev-server reload does not index the repository twice.
 */
const state = globalThis as typeof globalThis & {
  berthProfile?: PlatformProfile;
  berthInventory?: InventoryStore;
  berthGit?: Providers;
  berthTimers?: NodeJS.Timeout[];
};

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
      const github = createGitHubProvider({ apiUrl: env.GITHUB_API_URL, token: env.GITHUB_BOT_TOKEN!, owner, repo, baseBranch: env.BERTH_BASE_BRANCH });
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

/** Background work of a GitHub-backed Berth: fetch the clone and poll open pull requests. Started once. */
export function startBackgroundWork(poll: () => Promise<unknown>): void {
  const env = getEnv();
  if (state.berthTimers || env.BERTH_GIT_PROVIDER !== "github") return;
  const every = env.BERTH_POLL_SECONDS * 1000;
  const safely = (what: string, work: () => Promise<unknown>) => () =>
    void work().catch((error) => console.error(JSON.stringify({ level: "warn", msg: `${what} failed`, error: String(error) })));
  state.berthTimers = [setInterval(safely("syncing the environments clone", syncEnvironmentsClone), every), setInterval(safely("polling pull requests", poll), every)];
  for (const timer of state.berthTimers) timer.unref();
}
