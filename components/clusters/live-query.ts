import { fetchLiveJson } from "../fetch-live-json";
import type { NamespaceLiveView } from "@/lib/server/get-namespace-live";

export type { NamespaceLiveView };

/** How often a namespace page asks for fresh status; the server answers from its cache. */
export const LIVE_REFRESH_MS = 3000;

/** TanStack Query options for a namespace's live status, shared by the page and its hook. */
export function namespaceLiveQuery(cluster: string, name: string) {
  return {
    queryKey: ["namespace-live", cluster, name] as const,
    queryFn: () => fetchLiveJson<NamespaceLiveView>(`/api/namespaces/${encodeURIComponent(cluster)}/${encodeURIComponent(name)}/status`),
    refetchInterval: LIVE_REFRESH_MS,
  };
}

/** "45s", "12m", "3h", "9d": how long ago an ISO time was. */
export function age(iso: string | null, now: number): string {
  if (!iso) return "—";
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 90) return `${seconds}s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)}m`;
  if (seconds < 48 * 3600) return `${Math.round(seconds / 3600)}h`;
  return `${Math.round(seconds / 86400)}d`;
}
