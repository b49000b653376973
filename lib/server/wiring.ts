import { buildIndex, type InventoryIndex } from "@/lib/environments/build-index";
import { headCommit } from "@/lib/environments/head-commit";
import { loadProfile, type PlatformProfile } from "@/lib/environments/profile";
import { updateIndex } from "@/lib/environments/update-index";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { systemClock, type Clock } from "./clock";
import { createInventoryStore, type InventoryStore } from "./inventory-store";

/**
 * The one place that chooses real implementations. Long-lived objects sit on
 * globalThis so that a dev-server reload does not index the repository twice.
 */
const state = globalThis as typeof globalThis & {
  berthProfile?: PlatformProfile;
  berthInventory?: InventoryStore;
};

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
