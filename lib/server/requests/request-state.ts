import type { RequestKind as DbRequestKind, RequestState as DbRequestState } from "@/lib/db/generated/enums";
import type { PullRequestStatus } from "@/lib/git/git-provider";

export const REQUEST_STATES = ["submitted", "pr_open", "changes_requested", "approved", "merged", "applied", "closed", "failed", "conflict"] as const;
export type RequestState = (typeof REQUEST_STATES)[number];
export type RequestKind = DbRequestKind;

/** The list above and the database enum (prisma/schema.prisma) must hold the same states; either differing fails type-checking. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const STATES_MATCH_DATABASE: Same<RequestState, DbRequestState> = true;

/** States in which a request still has an open pull request to follow. */
export const OPEN_STATES: readonly RequestState[] = ["pr_open", "changes_requested", "approved"];
/** States in which Berth still follows the pull request (webhooks and the poller): open ones, and a conflict that may be resolved. */
export const FOLLOWED_STATES: readonly RequestState[] = [...OPEN_STATES, "conflict"];
/** States that hold a namespace name (or a resource file) against new requests. */
export const ACTIVE_STATES: readonly RequestState[] = ["submitted", "pr_open", "changes_requested", "approved", "merged", "failed", "conflict"];
/** States in which the requester may revise a request (a new commit on its branch, reviewed again). */
export const REVISABLE_STATES: readonly RequestState[] = ["pr_open", "changes_requested", "conflict"];
/** States from which a reviewer may close a request with a reason. */
export const CLOSABLE_STATES: readonly RequestState[] = ["failed", "pr_open", "changes_requested", "approved", "conflict"];
/** States from which the requester may withdraw a request (it becomes closed). */
export const WITHDRAWABLE_STATES: readonly RequestState[] = ["failed", "pr_open", "changes_requested", "approved", "conflict"];

const ALLOWED: Record<RequestState, readonly RequestState[]> = {
  submitted: ["pr_open", "failed"],
  failed: ["pr_open", "failed", "closed"],
  pr_open: ["changes_requested", "approved", "merged", "closed", "conflict"],
  changes_requested: ["pr_open", "approved", "merged", "closed", "conflict"],
  approved: ["changes_requested", "pr_open", "merged", "closed", "conflict"],
  // The branch no longer merges: the requester withdraws (closed), or a revised branch reopens review.
  conflict: ["pr_open", "changes_requested", "approved", "merged", "closed"],
  merged: ["applied"],
  applied: [],
  closed: ["pr_open"],
};

/** Whether a request may move from one state to another; late or repeated news (a review after the merge) is not. */
export function canTransition(from: RequestState, to: RequestState): boolean {
  return ALLOWED[from].includes(to);
}

/**
 * The state a pull request's facts put a request in: merged or closed first, then the latest review of each reviewer.
 * Reviews submitted before `revisedAt` (the request's last revision) were about an older revision: a revision reopens review.
 */
export function stateOfPullRequest(
  pr: Pick<PullRequestStatus, "state" | "merged" | "reviews"> & Partial<Pick<PullRequestStatus, "mergeable">>,
  revisedAt: Date | null = null,
): RequestState {
  if (pr.merged) return "merged";
  if (pr.state === "closed") return "closed";
  if (pr.mergeable === false) return "conflict";
  const latest = new Map<string, string>();
  const current = revisedAt ? pr.reviews.filter((r) => r.submittedAt !== null && new Date(r.submittedAt) >= revisedAt) : pr.reviews;
  for (const review of [...current].sort((a, b) => (a.submittedAt ?? "").localeCompare(b.submittedAt ?? ""))) {
    if (review.state === "APPROVED" || review.state === "CHANGES_REQUESTED" || review.state === "DISMISSED") latest.set(review.user, review.state);
  }
  const states = [...latest.values()];
  if (states.includes("CHANGES_REQUESTED")) return "changes_requested";
  if (states.includes("APPROVED")) return "approved";
  return "pr_open";
}

export function isRequestState(value: string): value is RequestState {
  return (REQUEST_STATES as readonly string[]).includes(value);
}

/**
 * Who put a pull request in an approved or changes-requested state: the
 * latest reviewer with that verdict. So the audit log names the reviewer
 * whether the poller or the webhook brings the news first.
 */
export function reviewerBehind(pr: Pick<PullRequestStatus, "reviews">, state: RequestState): string | null {
  const verdict = state === "approved" ? "APPROVED" : state === "changes_requested" ? "CHANGES_REQUESTED" : null;
  if (!verdict) return null;
  const matching = pr.reviews.filter((r) => r.state === verdict).sort((a, b) => (a.submittedAt ?? "").localeCompare(b.submittedAt ?? ""));
  return matching.at(-1)?.user || null;
}
