import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-db";
import type { CheckResult } from "@/lib/environments/checks/change";
import { failureSummary } from "@/lib/environments/checks/run-checks";
import type { ReviewForecast } from "@/lib/environments/checks/review-forecast";
import { nameTakenError, validateNamespaceRequest, type NamespaceRequest } from "@/lib/environments/requests/namespace-request";
import { checkClaimedNamespace, type ClusterNamespaces } from "@/lib/environments/requests/claimed-namespace";
import type { PlatformProfile } from "@/lib/environments/profile/profile";
import { renderNamespaceFiles, type RepoFile } from "@/lib/environments/render/render-namespace-files";
import type { InventorySnapshot } from "../inventory-store";
import { ACTIVE_STATES } from "./request-state";
import { checkChange } from "./check-change";

export interface PreparedRequest {
  /** Field path -> message; empty when the request may be submitted. */
  fields: Record<string, string>;
  value: NamespaceRequest | null;
  files: RepoFile[];
  /** The repository's PR checks over the files. */
  checks: CheckResult[];
  review: ReviewForecast | null;
}

/**
 * Everything Berth checks before a namespace request may become a pull
 * request, with nothing written: the schema, the name free in every cluster
 * and among active requests, not a namespace any cluster already runs or the
 * platform keeps for itself, the requester in the owning team (the
 * repository's own check rejects the PR otherwise), and the repository's
 * checks and the review forecast over the files it would add.
 */
export async function prepareNamespaceRequest(
  viewer: Viewer,
  input: unknown,
  deps: {
    db: Db;
    profile: PlatformProfile;
    snapshot: InventorySnapshot;
    clusters?: readonly ClusterNamespaces[];
    readBase?: (path: string) => Promise<string | null>;
    /** Today (YYYY-MM-DD) from the server's clock: a review-after date before it is refused. */
    today?: string;
    /** The request being revised: it does not hold its own name against itself. */
    revising?: string;
  },
): Promise<PreparedRequest> {
  // Without the cluster cache every cluster counts as unknown: reviewers are told, nothing is assumed free.
  const clusters = deps.clusters ?? deps.profile.clusters.map((c) => ({ cluster: c.name, names: null, current: false }));
  const checked = validateNamespaceRequest(input, deps.profile, { today: deps.today });
  const fields: Record<string, string> = checked.ok ? {} : { ...checked.fields };
  const name = checked.ok ? checked.value.name : typeof (input as { name?: unknown })?.name === "string" ? (input as { name: string }).name : null;

  if (name && !fields.name) {
    const taken = nameTakenError(
      name,
      deps.snapshot.namespaces.map((ns) => ns.name),
    );
    const where = { namespace: name, state: { in: [...ACTIVE_STATES] }, ...(deps.revising ? { id: { not: deps.revising } } : {}) };
    const pending = await deps.db.request.findFirst({ where, select: { id: true } });
    const claimed = checkClaimedNamespace(name, deps.profile, clusters).error;
    if (taken) fields.name = taken;
    else if (claimed) fields.name = claimed;
    else if (pending) fields.name = `${name} is already requested (request ${pending.id}); names are unique across all clusters`;
  }
  if (checked.ok && !viewer.teams.includes(checked.value.team)) {
    fields.team = `you are not a member of the GitHub team ${checked.value.team}; the repository only accepts requests from the owning team's members`;
  }
  if (checked.ok && checked.value.prototype && !deps.profile.prototype) {
    fields["prototype.repository"] = "this platform offers no prototype sites";
  }
  if (!checked.ok || fields["prototype.repository"]) return { fields, value: null, files: [], checks: [], review: null };

  const files = renderNamespaceFiles(checked.value, deps.profile, { today: deps.today });
  const { checks, review } = await checkChange(
    files.map((f) => ({ ...f, previous: null })),
    { profile: deps.profile, author: viewer, readBase: deps.readBase ?? (() => Promise.resolve(null)) },
  );
  const failed = failureSummary(checks, deps.profile);
  if (failed) fields.policy = failed;
  // A cluster Berth could not read at submit time might already run this name: a flag for the reviewer, stored with the review.
  if (checkClaimedNamespace(checked.value.name, deps.profile, clusters).unknownClusters.length > 0) {
    review.flags.clusterStateUnknown = true;
    review.reasons.push("A cluster's namespaces were unknown at submit time: check the name does not already run there");
  }
  return { fields, value: checked.value, files, checks, review };
}
