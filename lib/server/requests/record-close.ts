import type { Db } from "@/lib/db/create-db";
import { AppError } from "@/lib/errors";
import { transitionRequest } from "./transition-request";

/**
 * Records that someone closed a request in Berth (a withdrawal, a reviewer's
 * close) after its pull request was closed. The pull request's own "closed"
 * news (a webhook delivery) can close the request first; the person and the
 * reason are then still recorded, as an event on the closed request.
 */
export async function recordClose(db: Db, id: string, actor: string, note: string): Promise<void> {
  if (await transitionRequest(db, id, "closed", actor, note)) return;
  const row = await db.request.findUnique({ where: { id }, select: { state: true } });
  if (row?.state !== "closed") throw new AppError("conflict", "The request changed meanwhile; reload the page");
  await db.requestEvent.create({ data: { requestId: id, fromState: "closed", toState: "closed", actor, note } });
}
