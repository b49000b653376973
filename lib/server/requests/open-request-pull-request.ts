import type { Db } from "@/lib/db/create-db";
import type { GitProvider, PullRequestDraft } from "@/lib/git/git-provider";
import type { Logger } from "@/lib/log";
import { bindPullRequest } from "./bind-pull-request";
import { transitionRequest } from "./transition-request";

/** A failure's message as a user may read it: the upstream's words, never a stack or a token. */
export function failureReason(error: unknown): string {
  const status = typeof error === "object" && error !== null && "status" in error ? Number((error as { status: unknown }).status) : null;
  const message = error instanceof Error ? error.message.split("\n")[0]!.slice(0, 300) : "unknown error";
  return status ? `GitHub answered ${status}: ${message}` : message;
}

/**
 * Opens (or resumes opening) a request's pull request. A failure leaves the
 * request "failed" with the reason; calling this again resumes without a
 * second branch or pull request (the provider finds its earlier work).
 */
export async function openRequestPullRequest(
  db: Db,
  provider: GitProvider,
  id: string,
  draft: PullRequestDraft,
  actor: string,
  log: Pick<Logger, "error">,
): Promise<void> {
  await db.request.update({ where: { id }, data: { attempts: { increment: 1 } } });
  try {
    const opened = await provider.openPullRequest(draft);
    const note = opened.url ? `Pull request #${opened.number} opened` : `Branch ${draft.branch} is ready for review in Berth`;
    await bindPullRequest(db, id, opened);
    await transitionRequest(db, id, "pr_open", actor, note, { failure: null });
  } catch (error) {
    log.error("opening a pull request failed", { request: id, reason: failureReason(error) });
    await transitionRequest(db, id, "failed", "berth", failureReason(error), { failure: failureReason(error) });
  }
}
