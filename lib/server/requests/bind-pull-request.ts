import type { Db } from "@/lib/db/create-db";
import type { OpenedPullRequest } from "@/lib/git/git-provider";

/** The request is already bound to another pull request: nothing was changed. */
export class AlreadyBoundError extends Error {
  constructor(id: string, number: number | null) {
    super(`Request ${id} is already bound to another pull request than #${number}`);
    this.name = "AlreadyBoundError";
  }
}

/**
 * Binds a request to the pull request Berth opened for it (number, URL, head
 * repository) and records the commit Berth wrote. Note: the binding is made
 * once: the update only matches a request with no pull request yet, or one
 * bound to this same pull request (a resumed attempt), so no later call (and
 * no webhook, which never calls this) can point a request at another pull
 * request.
 */
export async function bindPullRequest(db: Db, id: string, opened: OpenedPullRequest): Promise<void> {
  const bound = await db.request.updateMany({
    where: { id, OR: [{ prNumber: null }, { prNumber: opened.number, prHeadRepo: opened.headRepo }] },
    data: { prNumber: opened.number, prUrl: opened.url, prHeadRepo: opened.headRepo, headSha: opened.headSha, pushedSha: opened.headSha },
  });
  if (bound.count === 0) throw new AlreadyBoundError(id, opened.number);
}
