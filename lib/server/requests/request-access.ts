import type { Viewer } from "@/lib/auth/viewer";

/** Who may see a request: its requester, members of its team, and reviewers. */
export function canSeeRequest(viewer: Viewer, request: { team: string; requester: string }): boolean {
  return viewer.reviewer || request.requester === viewer.login || viewer.teams.includes(request.team);
}

/** Who may retry a failed request: its requester and its team's members (reviewers, too). */
export const canRetryRequest = canSeeRequest;
