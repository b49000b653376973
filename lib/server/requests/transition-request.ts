import type { Db } from "@/lib/db/create-db";
import { canTransition, isRequestState, type RequestState } from "./request-state";

export interface TransitionFacts {
  prNumber?: number | null;
  prUrl?: string | null;
  headSha?: string | null;
  failure?: string | null;
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
