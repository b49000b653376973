import { fetchLiveJson } from "./fetch-live-json";
/** How often a reviewer's navigation asks how many requests wait for review. */
export const REVIEW_COUNT_REFRESH_MS = 10_000;

/** TanStack Query options for the review count in the navigation, shared by the layout and its hook. */
export function reviewCountQuery() {
  return {
    queryKey: ["review-count"] as const,
    queryFn: async () => (await fetchLiveJson<{ count: number }>("/api/reviews/count")).count,
    refetchInterval: REVIEW_COUNT_REFRESH_MS,
  };
}
