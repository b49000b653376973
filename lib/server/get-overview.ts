import { canBrowseInventory } from "@/lib/auth/policy";
import type { Viewer } from "@/lib/auth/viewer";
import { inventoryOverview, type InventoryOverview } from "@/lib/environments/inventory/inventory-overview";
import { authorize } from "./authorize";
import { isoDate } from "./clock";
import type { Services } from "./services";

export interface Overview extends InventoryOverview {
  commit: string;
  indexedAt: Date;
}

const cache = new WeakMap<object, { today: string; overview: InventoryOverview }>();

/** The managers' overview; computed once per indexed commit and day. */
export async function getOverview(deps: Pick<Services, "inventory" | "profile" | "clock">, viewer: Viewer | null): Promise<Overview> {
  authorize(viewer, canBrowseInventory(viewer));
  const snapshot = await deps.inventory.snapshot();
  const today = isoDate(deps.clock.now());
  let hit = cache.get(snapshot);
  if (!hit || hit.today !== today) {
    hit = { today, overview: inventoryOverview(snapshot.namespaces, deps.profile, today) };
    cache.set(snapshot, hit);
  }
  return { ...hit.overview, commit: snapshot.commit, indexedAt: snapshot.indexedAt };
}
