import { canReviseRequest } from "@/lib/auth/policy";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-db";
import { toJson } from "@/lib/db/to-json";
import type { ReviewForecast } from "@/lib/environments/checks/review-forecast";
import { AppError } from "@/lib/errors";
import { BranchMovedError, type PullRequestUpdater } from "@/lib/git/git-provider";
import { requestFiles, type StoredFile } from "./request-columns";
import { canTransition, isRequestState, REVISABLE_STATES, type RequestKind, type RequestState } from "./request-state";

/** What the request's own form checks (prepareNamespaceRequest or prepareResourceRequest), over the revised answers. */
export interface PreparedRevision {
  fields: Record<string, string>;
  /** The validated answers; null when they have errors. */
  value: ({ name?: string; cluster?: string; team?: string } & Record<string, unknown>) | null;
  files: StoredFile[];
  review: ReviewForecast | null;
}

export interface ReviseDeps {
  db: Db;
  updater: PullRequestUpdater;
  /** Checks the answers as the form of the request's kind does; the request itself does not count as holding its own names. */
  prepare: (row: { id: string; kind: RequestKind; cluster: string; namespace: string }, input: unknown) => Promise<PreparedRevision>;
  now: () => Date;
}

/** A revision as its timeline event keeps it: the files it wrote and the files they replaced, so the page shows its diff. */
export interface RevisionFiles {
  before: StoredFile[];
  after: StoredFile[];
}

const sameFiles = (a: StoredFile[], b: StoredFile[]) => a.length === b.length && a.every((f) => b.some((g) => g.path === f.path && g.content === f.content));

/**
 * The requester (or a teammate) revises an open request: its answers are
 * checked again as a new request's would be (checks and review forecast
 * re-run), and the new files go as one new commit on the same branch, so the
 * same pull request (or local review) follows. The request is reviewed again
 * (pr_open). Bad answers answer 422 and write nothing; a request that is not
 * open, or whose branch someone else moved, answers 409.
 */
export async function reviseRequest(viewer: Viewer | null, id: string, input: unknown, deps: ReviseDeps): Promise<{ id: string; revision: number }> {
  const { db } = deps;
  const row = await db.request.findUnique({ where: { id } });
  if (!row || !viewer || !canReviseRequest(viewer, row)) throw new AppError("not_found", "No such request");
  const state = row.state as RequestState;
  if (!isRequestState(state) || !REVISABLE_STATES.includes(state))
    throw new AppError("conflict", `A request that is ${state.replace("_", " ")} cannot be revised`);
  // Note: the binding's outside-push detection: a branch someone else moved is never revised on top of, unseen.
  if (!row.pushedSha || (row.headSha && row.headSha !== row.pushedSha))
    throw new AppError("conflict", "The branch was changed outside Berth: revise it on the pull request, or withdraw this request");

  const prepared = await deps.prepare(row, input);
  const fields = { ...prepared.fields };
  if (row.kind === "namespace" && prepared.value) {
    if (prepared.value.name !== row.namespace) fields.name ??= `a revision keeps the name ${row.namespace}; withdraw and submit a new request for another name`;
    if (prepared.value.cluster !== row.cluster)
      fields.cluster ??= `a revision keeps the cluster ${row.cluster}; withdraw and submit a new request for another cluster`;
  }
  const before = requestFiles(row);
  if (Object.keys(fields).length === 0 && prepared.value && sameFiles(before, prepared.files))
    fields.files = "the revision changes nothing: the files are the same as the request's";
  if (Object.keys(fields).length > 0 || !prepared.value) throw new AppError("invalid_input", "The revision has errors", fields);

  const after = prepared.files;
  // A file the request no longer changes goes back to what it held (an edited file) or goes (a file it added).
  const dropped = before.filter((f) => !after.some((g) => g.path === f.path));
  const restored = dropped.filter((f) => typeof f.previous === "string").map((f) => ({ path: f.path, content: f.previous! }));
  const removed = dropped.filter((f) => typeof f.previous !== "string").map((f) => f.path);
  const revision = (await db.requestEvent.count({ where: { requestId: id, sha: { not: null } } })) + 1;
  let sha: string;
  try {
    sha = await deps.updater.updatePullRequest({
      branch: row.branch,
      files: [...after.map(({ path, content }) => ({ path, content })), ...restored],
      removed,
      message: `Revision ${revision} of request ${id} by ${viewer.login}`,
      expectedHead: row.pushedSha,
    });
  } catch (error) {
    if (error instanceof BranchMovedError) throw new AppError("conflict", `${error.message}; reload the page`);
    throw error;
  }

  const to: RequestState = state === "pr_open" || canTransition(state, "pr_open") ? "pr_open" : state;
  const files = after.map(({ path, content, previous }) => ({ path, content, previous: previous ?? null }));
  const recorded = await db.$transaction(async (tx) => {
    // Only the revision whose commit is the one this call replaced is recorded: a concurrent change of the row answers 409.
    const updated = await tx.request.updateMany({
      where: { id, pushedSha: row.pushedSha, state: row.state },
      data: {
        state: to,
        files,
        answers: toJson(prepared.value),
        review: toJson(prepared.review),
        ...(prepared.value!.team ? { team: prepared.value!.team } : {}),
        headSha: sha,
        pushedSha: sha,
        revisedAt: deps.now(),
      },
    });
    if (updated.count === 0) return false;
    const changes = { before, after: files } satisfies RevisionFiles;
    await tx.requestEvent.create({
      data: {
        requestId: id,
        fromState: state,
        toState: to,
        actor: viewer.login,
        note: `Revision ${revision}: ${summary(before, files)}`,
        files: toJson(changes),
        sha,
      },
    });
    return true;
  });
  if (!recorded) throw new AppError("conflict", "The request changed meanwhile; reload the page");
  return { id, revision };
}

function summary(before: StoredFile[], after: StoredFile[]): string {
  const changed = after.filter((f) => before.find((g) => g.path === f.path)?.content !== f.content).length;
  const dropped = before.filter((f) => !after.some((g) => g.path === f.path)).length;
  return [`${changed} file(s) changed`, dropped ? `${dropped} dropped` : ""].filter(Boolean).join(", ");
}
