import { z } from "zod";
import { canReview } from "@/lib/auth/policy";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-db";
import { AppError } from "@/lib/errors";
import { ReviewRefusedError, type ReviewEvent } from "@/lib/git/github-review";
import { authorize } from "../authorize";
import { OPEN_STATES, isRequestState } from "./request-state";
import { transitionRequest } from "./transition-request";

export const reviewInputSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("approve"), comment: z.string().trim().max(5000).default("") }),
  z.object({ action: z.literal("request_changes"), comment: z.string().trim().min(1, "say what needs to change").max(5000) }),
]);
export type ReviewInput = z.infer<typeof reviewInputSchema>;

/** Posts a review to GitHub as someone: the GitHub provider passes one, the local provider none (the review stays in Berth). */
export type PostReview = (number: number, event: ReviewEvent, body: string) => Promise<void>;

/**
 * A reviewer approves or requests changes from Berth. On GitHub the review is
 * posted as the reviewer, with their own token; nobody reviews their own
 * request (GitHub refuses self-approval, and Berth refuses it before asking).
 */
export async function reviewRequest(db: Db, viewer: Viewer | null, id: string, input: unknown, post: PostReview | null): Promise<void> {
  authorize(viewer, canReview(viewer));
  const parsed = reviewInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError("invalid_input", "The review has errors", { [String(issue.path[0] ?? "action")]: issue.message });
  }
  const review = parsed.data;
  const row = await db.request.findUnique({ where: { id } });
  if (!row) throw new AppError("not_found", "No such request");
  if (row.requester === viewer.login) throw new AppError("forbidden", "You cannot review your own request: another platform reviewer must");
  if (!isRequestState(row.state) || !OPEN_STATES.includes(row.state))
    throw new AppError("conflict", `A request that is ${row.state.replace("_", " ")} cannot be reviewed`);

  if (post) {
    if (!row.prNumber) throw new AppError("conflict", "The request has no pull request yet");
    try {
      await post(row.prNumber, review.action === "approve" ? "APPROVE" : "REQUEST_CHANGES", review.comment);
    } catch (error) {
      if (error instanceof ReviewRefusedError) throw new AppError("conflict", `GitHub refused the review: ${error.message}`);
      throw error;
    }
  }
  const to = review.action === "approve" ? "approved" : "changes_requested";
  const note = review.comment ? `${review.action === "approve" ? "Approved" : "Changes requested"}: ${review.comment}` : "Approved in Berth";
  await transitionRequest(db, id, to, viewer.login, note);
}
