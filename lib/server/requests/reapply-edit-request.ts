import type { Db } from "@/lib/db/create-db";
import { toJson } from "@/lib/db/to-json";
import { BranchMovedError, type PullRequestUpdater } from "@/lib/git/git-provider";
import { applyEditAt } from "./apply-edit-at";
import { overlappingLines } from "./overlapping-lines";
import type { StoredEditAnswers } from "./edit-request-answers";
import type { EditDeps } from "./prepare-edit-request";
import { requestAnswers, requestFiles } from "./request-columns";
import { canTransition, isRequestState, type RequestState } from "./request-state";

export interface ReapplyDeps extends Pick<EditDeps, "profile" | "operations" | "snapshot" | "loadFolder" | "readFile" | "context"> {
  db: Db;
  updater: PullRequestUpdater;
  /** The base branch's head now (the commit the edit is re-applied onto). */
  mainHead: () => Promise<string>;
  now: () => Date;
}

export type ReapplyOutcome = { outcome: "reapplied"; sha: string } | { outcome: "conflict"; reason: string } | { outcome: "skipped"; reason: string };

/** States whose branch may be found not to merge: open ones, and a conflict. */
const REAPPLIABLE: readonly RequestState[] = ["pr_open", "changes_requested", "approved", "conflict"];

/**
 * An edit request whose branch no longer merges cleanly: the edit (its
 * operation and answers, not its text) is applied again to the namespace as
 * it is on main now, and the result goes to the same branch as a merge of
 * main (main's tree with the edit; parents the branch and main), so the pull
 * request merges cleanly and is reviewed again (pr_open). When the edit
 * itself no longer applies, the request is (or stays) in `conflict` with the
 * reasons as what to do. Tried once per head of main.
 */
export async function reapplyEditRequest(id: string, deps: ReapplyDeps): Promise<ReapplyOutcome> {
  const { db } = deps;
  const row = await db.request.findUnique({ where: { id } });
  if (!row || row.kind !== "edit") return { outcome: "skipped", reason: "not an edit request" };
  const state = row.state as RequestState;
  if (!isRequestState(state) || !REAPPLIABLE.includes(state)) return { outcome: "skipped", reason: `the request is ${state}` };
  const stored = requestAnswers(row).answers as StoredEditAnswers;
  const main = await deps.mainHead();
  if (stored.reappliedOn === main) return { outcome: "skipped", reason: `already tried on ${main.slice(0, 12)}` };
  const onMain = `main at ${main.slice(0, 12)}`;

  const refuse = (reason: string) => toConflict(db, row.id, state, stored, main, `The edit no longer applies to ${onMain}: ${reason}`);
  // Note: a branch someone else moved is never rewritten unseen (as a revision would not be).
  if (!row.pushedSha || (row.headSha && row.headSha !== row.pushedSha))
    return refuse("the branch was changed outside Berth; resolve it on the pull request, or withdraw this request");
  const operation = deps.operations[stored.operation];
  const namespace = deps.snapshot.find(row.cluster, row.namespace);
  if (!operation || !namespace) return refuse(`${row.namespace} or its ${stored.operation} edit no longer exists; withdraw this request`);
  const disagreements = await sameLinesChanged(requestFiles(row), main, deps.readFile);
  if (disagreements.length > 0) {
    return refuse(
      `main changed the lines this edit changes (${disagreements.join("; ")}). Withdraw this request and submit the edit again from the namespace as it is now`,
    );
  }
  const applied = await applyEditAt(main, namespace, operation, stored.answers, deps);
  if (!applied.ok) {
    const fields = Object.entries(applied.errors).map(([field, message]) => `${field}: ${message}`);
    return refuse(`${fields.join("; ")}. Withdraw this request and submit the edit again from the namespace as it is now`);
  }

  let sha: string;
  try {
    sha = await deps.updater.updatePullRequest({
      branch: row.branch,
      files: applied.files.map(({ path, content }) => ({ path, content })),
      removed: [],
      message: `Re-apply request ${id} onto ${onMain}`,
      expectedHead: row.pushedSha,
      base: main,
    });
  } catch (error) {
    if (error instanceof BranchMovedError) return refuse(`${error.message}; resolve it on the pull request, or withdraw this request`);
    throw error;
  }
  const to: RequestState = state === "pr_open" || canTransition(state, "pr_open") ? "pr_open" : state;
  const before = requestFiles(row);
  const files = applied.files.map(({ path, content, previous }) => ({ path, content, previous }));
  const recorded = await db.$transaction(async (tx) => {
    const updated = await tx.request.updateMany({
      where: { id, pushedSha: row.pushedSha, state: row.state },
      data: {
        state: to,
        files,
        answers: toJson({ ...stored, baseCommit: main, reappliedOn: main }),
        headSha: sha,
        pushedSha: sha,
        failure: null,
        revisedAt: deps.now(),
      },
    });
    if (updated.count === 0) return false;
    const note = `Re-applied the edit onto ${onMain} (the branch no longer merged cleanly): ${files.length} file(s); review it again`;
    await tx.requestEvent.create({
      data: { requestId: id, fromState: state, toState: to, actor: "berth", note, files: toJson({ before, after: files }), sha },
    });
    return true;
  });
  if (!recorded) return { outcome: "skipped", reason: "the request changed meanwhile" };
  return { outcome: "reapplied", sha };
}

/** Where main changed the very lines the edit changed since its files were read (`path` lines ...): the edit and main disagree. */
async function sameLinesChanged(
  files: { path: string; content: string | null; previous?: string | null }[],
  main: string,
  readFile: ReapplyDeps["readFile"],
): Promise<string[]> {
  const found: string[] = [];
  for (const file of files) {
    if (file.previous === undefined || file.previous === null) continue;
    const onMain = await readFile(main, file.path);
    // A file main deleted: the operation says what it cannot find.
    if (onMain === null) continue;
    const lines = overlappingLines(file.previous, file.content, onMain);
    if (lines.length > 0) found.push(`${file.path} line${lines.length > 1 ? "s" : ""} ${lines.join(", ")}`);
  }
  return found;
}

async function toConflict(db: Db, id: string, from: RequestState, stored: StoredEditAnswers, main: string, reason: string): Promise<ReapplyOutcome> {
  await db.$transaction(async (tx) => {
    const to: RequestState = from === "conflict" || canTransition(from, "conflict") ? "conflict" : from;
    await tx.request.update({ where: { id }, data: { state: to, failure: reason, answers: toJson({ ...stored, reappliedOn: main }) } });
    await tx.requestEvent.create({ data: { requestId: id, fromState: from, toState: to, actor: "berth", note: reason } });
  });
  return { outcome: "conflict", reason };
}
