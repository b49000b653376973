import { inventoryCsv } from "@/lib/environments/inventory-csv";
import { queryInventory, type InventoryQuery } from "@/lib/environments/query-inventory";
import { isoDate } from "./clock";
import { getClock, getInventoryStore, getProfile } from "./wiring";

/** Every namespace matching the query (not only one page), as CSV. */
export async function exportNamespaces(query: InventoryQuery): Promise<string> {
  const snapshot = await getInventoryStore().snapshot();
  const all = queryInventory(snapshot.namespaces, { ...query, page: 1, pageSize: Number.MAX_SAFE_INTEGER }, { profile: getProfile(), today: isoDate(getClock().now()) });
  return inventoryCsv(all.rows);
}
