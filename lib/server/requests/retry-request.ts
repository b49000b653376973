import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-db";
import { AppError } from "@/lib/errors";
import type { GitProvider } from "@/lib/git/git-provider";
import type { Logger } from "@/lib/log";
import { draftForRequest } from "./draft-for-request";
import type { DraftSettings } from "./namespace-draft";
import { openRequestPullRequest } from "./open-request-pull-request";
import { canRetryRequest } from "./request-access";

/** Retries a failed request: the provider resumes where the failed attempt stopped. */
export async function retryRequest(
  db: Db,
  viewer: Viewer,
  id: string,
  deps: { provider: GitProvider; draft: DraftSettings; log: Pick<Logger, "error"> },
): Promise<void> {
  const row = await db.request.findUnique({ where: { id } });
  if (!row || !canRetryRequest(viewer, row)) throw new AppError("not_found", "No such request");
  if (row.state !== "failed") throw new AppError("conflict", `Only a failed request can be retried; this one is ${row.state}`);
  const draft = draftForRequest(row, deps.draft);
  await openRequestPullRequest(db, deps.provider, id, draft, viewer.login, deps.log);
}
