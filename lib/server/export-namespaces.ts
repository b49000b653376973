import { canBrowseInventory } from "@/lib/auth/policy";
import type { Viewer } from "@/lib/auth/viewer";
import { inventoryCsv } from "@/lib/environments/inventory-csv";
import { queryInventory, type InventoryQuery } from "@/lib/environments/query-inventory";
import { authorize } from "./authorize";
import { isoDate } from "./clock";
import { getClock, getInventoryStore, getProfile } from "./wiring";

/** Every namespace matching the query (not only one page), as CSV. */
export async function exportNamespaces(viewer: Viewer | null, query: InventoryQuery): Promise<string> {
  authorize(viewer, canBrowseInventory(viewer));
  const snapshot = await getInventoryStore().snapshot();
  const all = queryInventory(snapshot.namespaces, { ...query, page: 1, pageSize: Number.MAX_SAFE_INTEGER }, { profile: getProfile(), today: isoDate(getClock().now()), myTeams: viewer.teams });
  return inventoryCsv(all.rows);
}
