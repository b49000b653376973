import { z } from "zod";
import type { ReviewForecast } from "@/lib/environments/checks/review-forecast";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-db";
import { AppError } from "@/lib/errors";
import { requestAnswers, requestFiles, requestReview, storedFilesSchema, type StoredFile } from "./request-columns";
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
  events: {
    fromState: string | null;
    toState: string;
    actor: string;
    note: string | null;
    createdAt: Date;
    /** A revision: the commit it wrote, and its files with the files they replaced. */
    revision: { sha: string | null; before: StoredFile[]; after: StoredFile[] } | null;
  }[];
}

const revisionSchema = z.object({ before: storedFilesSchema, after: storedFilesSchema });

/** A revision event's files; an event that is no revision (or a row that no longer fits) shows as a plain event. */
function revisionOf(event: { files?: unknown; sha?: string | null }): RequestDetail["events"][number]["revision"] {
  const parsed = revisionSchema.safeParse(event.files);
  return parsed.success ? { sha: event.sha ?? null, ...parsed.data } : null;
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
    events: row.events.map((e) => ({
      fromState: e.fromState,
      toState: e.toState,
      actor: e.actor,
      note: e.note,
      createdAt: e.createdAt,
      revision: revisionOf(e),
    })),
  };
}
