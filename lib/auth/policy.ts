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

/** The review queue: platform reviewers. */
export function canReview(viewer: Viewer | null): boolean {
  return viewer !== null && viewer.reviewer;
}

/** Whether a set of teams makes someone a reviewer. */
export function isReviewerTeamMember(teams: readonly string[], reviewerTeams: readonly string[]): boolean {
  return teams.some((team) => reviewerTeams.includes(team));
}
