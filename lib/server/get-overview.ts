import { canBrowseInventory } from "@/lib/auth/policy";
import type { Viewer } from "@/lib/auth/viewer";
import { inventoryOverview, type InventoryOverview } from "@/lib/environments/inventory-overview";
import { authorize } from "./authorize";
import { isoDate } from "./clock";
import { getClock, getInventoryStore, getProfile } from "./wiring";

export interface Overview extends InventoryOverview {
  commit: string;
  indexedAt: Date;
}

const cache = new WeakMap<object, { today: string; overview: InventoryOverview }>();

/** The managers' overview; computed once per indexed commit and day. */
export async function getOverview(viewer: Viewer | null): Promise<Overview> {
  authorize(viewer, canBrowseInventory(viewer));
  const snapshot = await getInventoryStore().snapshot();
  const today = isoDate(getClock().now());
  let hit = cache.get(snapshot);
  if (!hit || hit.today !== today) {
    hit = { today, overview: inventoryOverview(snapshot.namespaces, getProfile(), today) };
    cache.set(snapshot, hit);
  }
  return { ...hit.overview, commit: snapshot.commit, indexedAt: snapshot.indexedAt };
}
