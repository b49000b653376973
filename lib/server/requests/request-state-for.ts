import { canBrowseInventory } from "@/lib/auth/policy";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { authorize } from "../authorize";
import type { Services } from "../services";
import { readSnapshot, snapshotVersion } from "./pr-snapshot";
import { canSeeRequest } from "./request-access";

/** What a request page polls: enough to show the state and to know when to re-render the rest. */
export interface RequestStateView {
  id: string;
  kind: string;
  state: string;
  cluster: string;
  namespace: string;
  /** How many timeline events there are: a new one means the page has more to show. */
  events: number;
  /** The pull request's snapshot as a version (snapshotVersion): a new one (a comment, a review, a check) means the same. */
  pullRequest: string | null;
}

/** A request's state; someone who may not see the request gets a 404, as for its page. */
export async function requestStateFor(deps: Pick<Services, "db">, viewer: Viewer | null, id: string): Promise<RequestStateView> {
  authorize(viewer, canBrowseInventory(viewer));
  const row = await deps.db.request.findUnique({
    where: { id },
    select: {
      id: true,
      kind: true,
      state: true,
      cluster: true,
      namespace: true,
      team: true,
      requester: true,
      prNumber: true,
      prSnapshot: true,
      _count: { select: { events: true } },
    },
  });
  if (!row || !canSeeRequest(viewer, row)) throw new AppError("not_found", "No such request");
  const pullRequest = row.prNumber ? snapshotVersion(readSnapshot(row.prSnapshot)) : null;
  return { id: row.id, kind: row.kind, state: row.state, cluster: row.cluster, namespace: row.namespace, events: row._count.events, pullRequest };
}
