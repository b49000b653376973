import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-db";
import { OPEN_STATES, type RequestKind, type RequestState } from "./request-state";

/** Requests for a namespace that are still under way: no pull request merged or closed yet. */
export const UNDER_WAY_STATES: readonly RequestState[] = ["submitted", ...OPEN_STATES, "failed", "conflict"];

export interface NamespaceRequestSummary {
  id: string;
  kind: RequestKind;
  state: RequestState;
  requester: string;
  updatedAt: Date;
}

/**
 * A namespace's requests under way, for its page, most recently updated
 * first; scoped in the query to the requests the viewer may see (reviewers
 * all, others their teams' and their own).
 */
export async function listNamespaceRequests(db: Db, viewer: Viewer, cluster: string, namespace: string): Promise<NamespaceRequestSummary[]> {
  const scope = viewer.reviewer ? {} : { OR: [{ team: { in: viewer.teams } }, { requester: viewer.login }] };
  return db.request.findMany({
    where: { cluster, namespace, state: { in: [...UNDER_WAY_STATES] }, ...scope },
    orderBy: { updatedAt: "desc" },
    take: 50,
    select: { id: true, kind: true, state: true, requester: true, updatedAt: true },
  });
}
