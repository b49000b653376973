import { canBrowseInventory } from "@/lib/auth/policy";
import type { Viewer } from "@/lib/auth/viewer";
import { inventoryCsv } from "@/lib/environments/inventory/inventory-csv";
import { queryInventory, type InventoryQuery } from "@/lib/environments/inventory/query-inventory";
import { authorize } from "./authorize";
import { isoDate } from "./clock";
import { liveLookup } from "./list-namespaces";
import type { Services } from "./services";

/** Every namespace matching the query (not only one page), as CSV. */
export async function exportNamespaces(
  deps: Pick<Services, "inventory" | "profile" | "clock" | "clusters">,
  viewer: Viewer | null,
  query: InventoryQuery,
): Promise<string> {
  authorize(viewer, canBrowseInventory(viewer));
  const snapshot = await deps.inventory.snapshot();
  const liveOf = liveLookup(deps);
  const all = queryInventory(
    snapshot.namespaces,
    { ...query, page: 1, pageSize: Number.MAX_SAFE_INTEGER },
    { profile: deps.profile, today: isoDate(deps.clock.now()), myTeams: viewer.teams, liveOf },
  );
  return inventoryCsv(all.rows, liveOf);
}
