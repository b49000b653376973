import type { Db } from "@/lib/db/create-db";
import type { toJson } from "@/lib/db/to-json";
import { canTransition, isRequestState, type RequestState } from "./request-state";

/**
 * What a state change may record besides the state. Note: the pull request a
 * request is bound to (number, URL, head repository) is not here: only
 * bindPullRequest writes it, once, so no event can rebind a request.
 */
export interface TransitionFacts {
  /** The pull request's head commit as just seen. */
  headSha?: string | null;
  /** The pull request's updated_at the news carried. */
  prUpdatedAt?: Date | null;
  failure?: string | null;
  /** The pull request's snapshot (pr-snapshot.ts) and when it was written. */
  prSnapshot?: ReturnType<typeof toJson>;
  prFetchedAt?: Date;
}

/**
 * Moves a request to a state and records who did it, in one transaction; a
 * move the state machine does not allow (late or repeated news) is ignored.
 * Returns whether the request moved. Note: only `tx` is used inside the
 * transaction (the embedded database has a single session).
 */
export async function transitionRequest(
  db: Db,
  id: string,
  to: RequestState,
  actor: string,
  note: string | null,
  facts: TransitionFacts = {},
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const request = await tx.request.findUnique({ where: { id }, select: { state: true } });
    if (!request || !isRequestState(request.state)) return false;
    const same = request.state === to;
    if (!same && !canTransition(request.state, to)) return false;
    await tx.request.update({ where: { id }, data: { state: to, ...facts } });
    if (!same || to === "failed") await tx.requestEvent.create({ data: { requestId: id, fromState: request.state, toState: to, actor, note } });
    return !same;
  });
}
