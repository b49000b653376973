import { randomBytes } from "node:crypto";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-db";
import { toJson } from "@/lib/db/to-json";
import { AppError } from "@/lib/errors";
import type { GitProvider } from "@/lib/git/git-provider";
import type { Logger } from "@/lib/log";
import { draftForRequest } from "./draft-for-request";
import { editBranch } from "./edit-draft";
import type { StoredEditAnswers } from "./edit-request-answers";
import type { DraftSettings } from "./namespace-draft";
import { openRequestPullRequest } from "./open-request-pull-request";
import { prepareEditRequest, type EditDeps } from "./prepare-edit-request";
import { requestAnswers } from "./request-columns";

/**
 * Submits an edit of existing files: one request, one pull request holding
 * exactly the files the preview showed. The follow-up of an applied request
 * (the second step of a removal, the next step of a decommission) names it
 * in `after`, and the two requests then link each other. A campaign's
 * request (`deps.campaign`) links back to the campaign, is labelled with it
 * and asks the namespace's owning teams to review.
 */
export async function submitEditRequest(
  viewer: Viewer | null,
  body: unknown,
  deps: EditDeps & { db: Db; provider: GitProvider; draft: DraftSettings; log: Pick<Logger, "error">; campaign?: { id: string } },
): Promise<{ id: string }> {
  const prepared = await prepareEditRequest(viewer, body, deps);
  const { input, namespace } = prepared;
  if (Object.keys(prepared.fields).length > 0 || !input || !namespace || !viewer) {
    throw new AppError("invalid_input", "The request has errors", prepared.fields);
  }
  const id = randomBytes(6).toString("hex");
  const answers: StoredEditAnswers = {
    operation: input.operation,
    answers: prepared.answers,
    baseCommit: prepared.baseCommit,
    followUp: prepared.followUp,
    after: input.after ?? null,
    flags: prepared.flags,
    ...(deps.campaign ? { campaign: { id: deps.campaign.id, reviewerTeams: namespace.teams } } : {}),
  };
  const row = {
    id,
    kind: "edit" as const,
    requester: viewer.login,
    cluster: namespace.cluster,
    namespace: namespace.name,
    answers,
    files: prepared.files.map(({ path, content, previous }) => ({ path, content, previous })),
  };
  await deps.db.$transaction(async (tx) => {
    if (input.after) {
      // Note: a follow-up is submitted once, for an applied request of the same namespace that asked for this very step.
      const first = await tx.request.findUnique({ where: { id: input.after } });
      const stored = first?.kind === "edit" ? requestAnswers(first) : null;
      const previous = stored?.kind === "edit" ? stored.answers : null;
      const fits =
        first && previous && first.cluster === namespace.cluster && first.namespace === namespace.name && previous.followUp?.operation === input.operation;
      if (!fits) throw new AppError("invalid_input", "The request has errors", { after: `Request ${input.after} has no such next step` });
      if (first.state !== "applied") throw new AppError("invalid_input", "The request has errors", { after: `Request ${input.after} is not applied yet` });
      if (previous.next) throw new AppError("invalid_input", "The request has errors", { after: `The next step is already request ${previous.next}` });
      await tx.request.update({ where: { id: first.id }, data: { answers: toJson({ ...previous, next: id }) } });
    }
    await tx.request.create({
      data: {
        ...row,
        answers: toJson(answers),
        state: "submitted",
        campaignId: deps.campaign?.id ?? null,
        team: namespace.teams.find((t) => viewer.teams.includes(t)) ?? namespace.teams[0] ?? "",
        branch: editBranch(input.operation, namespace.name, id),
        review: toJson(prepared.review),
        events: {
          create: { fromState: null, toState: "submitted", actor: viewer.login, note: `Requested a ${input.operation} edit of ${namespace.name}` },
        },
      },
    });
  });
  await openRequestPullRequest(deps.db, deps.provider, id, draftForRequest(row, deps.draft), "berth", deps.log);
  return { id };
}
