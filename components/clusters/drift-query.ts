import { fetchLiveJson } from "../fetch-live-json";
import type { DriftJson } from "@/lib/server/get-drift";

export type { DriftJson };

/** How often /drift asks for fresh drift; the server answers from its index and cluster caches. */
export const DRIFT_REFRESH_MS = 5000;

/** TanStack Query options for the drift between repository and clusters, shared by the page and its hook. */
export function driftQuery() {
  return {
    queryKey: ["drift"] as const,
    queryFn: () => fetchLiveJson<DriftJson>("/api/drift"),
    refetchInterval: DRIFT_REFRESH_MS,
  };
}
