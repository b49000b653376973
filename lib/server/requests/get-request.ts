import type { ReviewForecast } from "@/lib/environments/checks/review-forecast";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-db";
import { AppError } from "@/lib/errors";
import { requestAnswers, requestFiles, requestReview, type StoredFile } from "./request-columns";
import { canSeeRequest } from "./request-access";
import type { RequestKind, RequestState } from "./request-state";

export interface RequestDetail {
  id: string;
  kind: RequestKind;
  state: RequestState;
  cluster: string;
  namespace: string;
  team: string;
  requester: string;
  branch: string;
  prNumber: number | null;
  prUrl: string | null;
  /** The pull request's head commit as last seen, and the one Berth wrote (they differ when someone else pushed). */
  headSha: string | null;
  pushedSha: string | null;
  /** The pull request as last read or heard (pr-snapshot.ts), and when. */
  prSnapshot: unknown;
  prFetchedAt: Date | null;
  failure: string | null;
  attempts: number;
  createdAt: Date;
  /** `previous` is what a changed file held before (resource requests); absent for new files. */
  files: StoredFile[];
  answers: Record<string, unknown>;
  /** The review forecast stored at submission (older rows read into the same shape). */
  review: ReviewForecast | null;
  events: { fromState: string | null; toState: string; actor: string; note: string | null; createdAt: Date }[];
}

/** A request with its timeline; someone who may not see it gets a 404, so ids leak nothing. */
export async function getRequest(db: Db, viewer: Viewer, id: string): Promise<RequestDetail> {
  const row = await db.request.findUnique({ where: { id }, include: { events: { orderBy: { id: "asc" } } } });
  if (!row || !canSeeRequest(viewer, row)) throw new AppError("not_found", "No such request");
  return {
    ...row,
    files: requestFiles(row),
    answers: requestAnswers(row).answers,
    review: requestReview(row),
    events: row.events.map((e) => ({ fromState: e.fromState, toState: e.toState, actor: e.actor, note: e.note, createdAt: e.createdAt })),
  };
}
