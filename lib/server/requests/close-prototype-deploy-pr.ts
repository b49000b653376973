import type { Db } from "@/lib/db/create-db";
import type { Logger } from "@/lib/log";
import { failureReason } from "./open-request-pull-request";
import type { PrototypeRepos } from "./open-prototype-deploy-pr";

/**
 * Its namespace request was withdrawn or closed in Berth: the deployment pull
 * request in the prototype's repository, if open, is closed too, with `why`
 * (what the namespace's pull request was told) and the reason as a comment.
 * Never throws: the request is closed whatever happens here; a failure is
 * logged and kept on the row (closeFailure) for the request page to show.
 */
export async function closePrototypeDeployPr(
  deps: { db: Db; repos: PrototypeRepos | null; log: Pick<Logger, "error"> },
  requestId: string,
  why: string,
): Promise<void> {
  const row = await deps.db.prototypeDeployPr.findUnique({ where: { requestId } });
  if (!deps.repos || !row || row.state !== "open" || row.number === null) return;
  const name = row.repository.split("/")[1];
  // Note: closed with the client of the organisation's repository of that name only (never another owner's).
  if (!name || deps.repos.fullName(name).toLowerCase() !== row.repository.toLowerCase()) return;
  const request = await deps.db.request.findUnique({ where: { id: requestId }, select: { prUrl: true } });
  const comment = [
    why,
    "",
    `The namespace request this pull request came with${request?.prUrl ? ` (${request.prUrl})` : ""} will not be applied, so the prototype has no namespace to deploy to: Berth closes this pull request too.`,
  ].join("\n");
  try {
    await deps.repos.provider(name).closePullRequest(row.number, comment);
    await deps.db.prototypeDeployPr.update({ where: { requestId }, data: { state: "closed", closeFailure: null } });
  } catch (error) {
    deps.log.error("closing a prototype's deployment pull request failed", { request: requestId, reason: failureReason(error) });
    await deps.db.prototypeDeployPr.update({ where: { requestId }, data: { closeFailure: failureReason(error) } });
  }
}
