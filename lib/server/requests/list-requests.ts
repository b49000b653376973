import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-db";
import type { RequestKind, RequestState } from "./request-state";

export interface RequestSummary {
  id: string;
  kind: RequestKind;
  state: RequestState;
  cluster: string;
  namespace: string;
  team: string;
  requester: string;
  prNumber: number | null;
  prUrl: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** My teams' requests (or every request, for reviewers), most recently updated first (the date the list shows); the query is scoped before it runs. */
export async function listRequests(db: Db, viewer: Viewer): Promise<RequestSummary[]> {
  const where = viewer.reviewer ? {} : { OR: [{ team: { in: viewer.teams } }, { requester: viewer.login }] };
  return db.request.findMany({
    where,
    orderBy: { updatedAt: "desc" },
    take: 500,
    select: {
      id: true,
      kind: true,
      state: true,
      cluster: true,
      namespace: true,
      team: true,
      requester: true,
      prNumber: true,
      prUrl: true,
      createdAt: true,
      updatedAt: true,
    },
  });
}
