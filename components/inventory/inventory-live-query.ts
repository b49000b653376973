import { fetchLiveJson } from "../fetch-live-json";
import type { LiveSummary } from "@/lib/server/list-namespaces";

export type { LiveSummary };

/** How often the inventory's status column asks for fresh status; the server answers from its cluster cache. */
export const INVENTORY_REFRESH_MS = 5000;

/**
 * TanStack Query options for the status of one inventory page's rows, shared by the page and its cells:
 * the inventory API for the same query (its rows are kept on the server, its status read on every call).
 */
export function inventoryLiveQuery(queryString: string) {
  return {
    queryKey: ["inventory-live", queryString] as const,
    queryFn: async () => (await fetchLiveJson<{ live: Record<string, LiveSummary> }>(`/api/namespaces${queryString}`)).live,
    refetchInterval: INVENTORY_REFRESH_MS,
  };
}
