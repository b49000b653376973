import type { NamespaceRecord } from "@/lib/environments/types";
import type { Viewer } from "./viewer";

/**
 * Who may do what. Pure functions of the viewer and the thing, called by the
 * use-cases in lib/server; routes never decide for themselves. A null viewer
 * is anonymous and may do nothing.
 */

/** Any signed-in organisation member may browse the inventory and namespace metadata. */
export function canBrowseInventory(viewer: Viewer | null): viewer is Viewer {
  return viewer !== null;
}

/**
 * Members of a team bound to ClusterRole `admin` by one of the namespace's
 * RoleBindings own it (`NamespaceRecord.teams` holds exactly those teams).
 */
export function isNamespaceOwner(viewer: Viewer | null, namespace: Pick<NamespaceRecord, "teams">): boolean {
  // Note: teams (and users) bound to narrower roles are `otherAccess`, never read here: access to the
  // namespace in the cluster is not ownership, and ownership is what lets someone request changes.
  return viewer !== null && namespace.teams.some((team) => viewer.teams.includes(team));
}

/** Secrets' names and keys, and events: owners and platform reviewers. */
export function canSeeNamespaceInFull(viewer: Viewer | null, namespace: Pick<NamespaceRecord, "teams">): boolean {
  return viewer !== null && (viewer.reviewer || isNamespaceOwner(viewer, namespace));
}

/** Requesting changes (resources, upgrades) to a namespace: its owners. */
export function canRequestNamespaceChange(viewer: Viewer | null, namespace: Pick<NamespaceRecord, "teams">): boolean {
  return isNamespaceOwner(viewer, namespace);
}

/** Requesting an edit of what a namespace already has (metadata, access, settings, removal, decommissioning): its owners, or a platform reviewer. */
export function canRequestEdit(viewer: Viewer | null, namespace: Pick<NamespaceRecord, "teams">): boolean {
  return viewer !== null && (viewer.reviewer || isNamespaceOwner(viewer, namespace));
}

/** The review queue: platform reviewers. */
export function canReview(viewer: Viewer | null): boolean {
  return viewer !== null && viewer.reviewer;
}

/** Whether a set of teams makes someone a reviewer. */
export function isReviewerTeamMember(teams: readonly string[], reviewerTeams: readonly string[]): boolean {
  return teams.some((team) => reviewerTeams.includes(team));
}

/**
 * Approving or requesting changes on a request: platform reviewers, never its
 * requester. Note: a requester who is also a reviewer cannot review their own
 * request (GitHub refuses self-approval too; local mode has only Berth).
 */
export function canReviewRequest(viewer: Viewer | null, request: { requester: string }): boolean {
  return canReview(viewer) && viewer!.login !== request.requester;
}

/**
 * Merging an approved request (local mode, where Berth merges): platform
 * reviewers, never its requester. Note: otherwise a requester who is a
 * reviewer merges their own change once anyone else approved it.
 */
export function canMergeRequest(viewer: Viewer | null, request: { requester: string }): boolean {
  return canReviewRequest(viewer, request);
}

/** Withdrawing a request (it becomes closed): its requester and its team's members. */
export function canWithdrawRequest(viewer: Viewer | null, request: { requester: string; team: string }): boolean {
  return viewer !== null && (viewer.login === request.requester || viewer.teams.includes(request.team));
}

/** Revising a request (a new commit on its branch): whoever may withdraw it, its requester and its team's members. */
export function canReviseRequest(viewer: Viewer | null, request: { requester: string; team: string }): boolean {
  return canWithdrawRequest(viewer, request);
}

/** Closing a request with a reason: platform reviewers, never its requester (who withdraws it instead). */
export function canCloseRequest(viewer: Viewer | null, request: { requester: string }): boolean {
  return canReviewRequest(viewer, request);
}

/** Starting, pausing, resuming, cancelling a campaign and retrying its targets: platform reviewers. */
export function canManageCampaigns(viewer: Viewer | null): boolean {
  return canReview(viewer);
}

/** Reading a campaign and its progress: everyone who may browse the inventory. */
export function canReadCampaigns(viewer: Viewer | null): viewer is Viewer {
  return canBrowseInventory(viewer);
}
