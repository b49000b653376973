import { z } from "zod";
import { canReview, canReviewRequest } from "@/lib/auth/policy";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-db";
import { AppError } from "@/lib/errors";
import { ReviewRefusedError, type ReviewEvent } from "@/lib/git/github-review";
import { authorize } from "../authorize";
import { OPEN_STATES, isRequestState } from "./request-state";
import { transitionRequest } from "./transition-request";

const headSha = z
  .string()
  .regex(/^[0-9a-f]{40}$/, "the head commit must be a 40-character commit id")
  .optional();

export const reviewInputSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("approve"), comment: z.string().trim().max(5000).default(""), headSha }),
  z.object({ action: z.literal("request_changes"), comment: z.string().trim().min(1, "say what needs to change").max(5000), headSha }),
]);
export type ReviewInput = z.infer<typeof reviewInputSchema>;

/** Posts a review to GitHub as someone, on the commit the reviewer was shown: the GitHub provider passes one, the local provider none. */
export type PostReview = (number: number, event: ReviewEvent, body: string, commitId: string | null) => Promise<void>;

export interface ReviewDeps {
  /** Posts the review to GitHub (null: the review stays in Berth). */
  post: PostReview | null;
  /** The pull request's head commit now (GitHub: read live; local: as recorded); null when unknown. */
  currentHead: (row: { prNumber: number | null; headSha: string | null }) => Promise<string | null>;
}

/**
 * A reviewer approves or requests changes from Berth. On GitHub the review is
 * posted as the reviewer, with their own token; nobody reviews their own
 * request (GitHub refuses self-approval, and Berth refuses it before asking).
 * Note: an approval names the head commit the reviewer was shown; if the
 * branch has moved since (someone pushed to it), it is refused with 409 so
 * the reviewer looks at the new changes first, and the review GitHub records
 * covers that commit only.
 */
export async function reviewRequest(db: Db, viewer: Viewer | null, id: string, input: unknown, deps: ReviewDeps): Promise<void> {
  authorize(viewer, canReview(viewer));
  const parsed = reviewInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError("invalid_input", "The review has errors", { [String(issue.path[0] ?? "action")]: issue.message });
  }
  const review = parsed.data;
  const row = await db.request.findUnique({ where: { id } });
  if (!row) throw new AppError("not_found", "No such request");
  if (!canReviewRequest(viewer, row)) throw new AppError("forbidden", "You cannot review your own request: another platform reviewer must");
  if (!isRequestState(row.state) || !OPEN_STATES.includes(row.state))
    throw new AppError("conflict", `A request that is ${row.state.replace("_", " ")} cannot be reviewed`);

  const head = await deps.currentHead(row);
  if (review.action === "approve" && head) {
    if (!review.headSha) throw new AppError("invalid_input", "The review has errors", { headSha: "say which head commit you reviewed" });
    if (review.headSha !== head) {
      if (head !== row.headSha) await db.request.update({ where: { id }, data: { headSha: head } });
      throw new AppError(
        "conflict",
        `The branch changed since you loaded this page (it is now at ${head.slice(0, 12)}, you were shown ${review.headSha.slice(0, 12)}). ` +
          "Reload the page, review the new changes, then approve.",
      );
    }
  }

  if (deps.post) {
    if (!row.prNumber) throw new AppError("conflict", "The request has no pull request yet");
    try {
      await deps.post(row.prNumber, review.action === "approve" ? "APPROVE" : "REQUEST_CHANGES", review.comment, review.headSha ?? head);
    } catch (error) {
      if (error instanceof ReviewRefusedError) throw new AppError("conflict", `GitHub refused the review: ${error.message}`);
      throw error;
    }
  }
  const to = review.action === "approve" ? "approved" : "changes_requested";
  const note = review.comment ? `${review.action === "approve" ? "Approved" : "Changes requested"}: ${review.comment}` : "Approved in Berth";
  await transitionRequest(db, id, to, viewer.login, note);
}
