import { parseStoredReview, type ReviewForecast } from "@/lib/environments/checks/review-forecast";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-db";
import { AppError } from "@/lib/errors";
import type { FileChange } from "@/lib/git/git-provider";
import { canSeeRequest } from "./request-access";

export interface RequestDetail {
  id: string;
  kind: string;
  state: string;
  cluster: string;
  namespace: string;
  team: string;
  requester: string;
  branch: string;
  prNumber: number | null;
  prUrl: string | null;
  failure: string | null;
  attempts: number;
  createdAt: Date;
  /** `previous` is what a changed file held before (resource requests); absent for new files. */
  files: (FileChange & { previous?: string | null })[];
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
    files: row.files as unknown as FileChange[],
    answers: row.answers as Record<string, unknown>,
    review: parseStoredReview(row.review),
    events: row.events.map((e) => ({ fromState: e.fromState, toState: e.toState, actor: e.actor, note: e.note, createdAt: e.createdAt })),
  };
}
