import { fetchLiveJson } from "../fetch-live-json";
import type { RequestStateView } from "@/lib/server/requests/request-state-for";

export type { RequestStateView };

/** How often a request page asks for its state while the request is still moving (webhooks, the poller and the pipeline move it). */
export const REQUEST_REFRESH_MS = 3000;

/** States a request leaves by itself: the page keeps asking while it is in one. */
export const MOVING_STATES = ["submitted", "pr_open", "changes_requested", "approved", "merged"];

/** What a render of the request page showed: a poll that answers otherwise (state, timeline, pull request) renders it again. */
export const renderedKey = (view: RequestStateView) => `${view.state}/${view.events}/${view.pullRequest ?? ""}`;

/**
 * TanStack Query options for a request's state, shared by its page and its hook. `rendered` is the state the
 * server rendered the page with: a new render starts a new query from it, rather than from an older poll's answer.
 */
export function requestStateQuery(id: string, rendered: string) {
  return {
    queryKey: ["request-state", id, rendered] as const,
    queryFn: () => fetchLiveJson<RequestStateView>(`/api/requests/${encodeURIComponent(id)}/state`),
    refetchInterval: (query: { state: { data?: RequestStateView } }) => (MOVING_STATES.includes(query.state.data?.state ?? "") ? REQUEST_REFRESH_MS : false),
  };
}
