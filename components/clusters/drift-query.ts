import type { DriftJson } from "@/lib/server/get-drift";

export type { DriftJson };

/** How often /drift asks for fresh drift; the server answers from its index and cluster caches. */
export const DRIFT_REFRESH_MS = 5000;

/** TanStack Query options for the drift between repository and clusters, shared by the page and its hook. */
export function driftQuery() {
  return {
    queryKey: ["drift"] as const,
    queryFn: async (): Promise<DriftJson> => {
      const response = await fetch("/api/drift", { cache: "no-store" });
      if (!response.ok) throw new Error(`Berth answered ${response.status}`);
      return response.json();
    },
    refetchInterval: DRIFT_REFRESH_MS,
  };
}
