/** How often a reviewer's navigation asks how many requests wait for review. */
export const REVIEW_COUNT_REFRESH_MS = 10_000;

/** TanStack Query options for the review count in the navigation, shared by the layout and its hook. */
export function reviewCountQuery() {
  return {
    queryKey: ["review-count"] as const,
    queryFn: async (): Promise<number> => {
      const response = await fetch("/api/reviews/count", { cache: "no-store" });
      if (!response.ok) throw new Error(`Berth answered ${response.status}`);
      return ((await response.json()) as { count: number }).count;
    },
    refetchInterval: REVIEW_COUNT_REFRESH_MS,
  };
}
