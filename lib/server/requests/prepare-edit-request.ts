import { canRequestEdit } from "@/lib/auth/policy";
import type { Viewer } from "@/lib/auth/viewer";
import type { CheckResult } from "@/lib/environments/checks/change";
import type { ReviewForecast } from "@/lib/environments/checks/review-forecast";
import { diffLines } from "@/lib/environments/checks/diff-lines";
import { failureSummary } from "@/lib/environments/checks/run-checks";
import type { EditContext, EditOperation, EditOperationName, NamespaceFolder } from "@/lib/environments/edit/edit-operation";
import { parseEditAnswers } from "@/lib/environments/edit/parse-edit-answers";
import type { PlatformProfile } from "@/lib/environments/profile/profile";
import type { NamespaceRecord } from "@/lib/environments/types";
import type { TeamDirectory } from "@/lib/git/git-provider";
import { AppError } from "@/lib/errors";
import { authorize } from "../authorize";
import type { NamespaceWorkloads } from "../namespace-workloads";
import { applyEditAt, type AppliedEdit } from "./apply-edit-at";
import { checkChange } from "./check-change";
import { unknownAddedTeams } from "./unknown-added-teams";
import { editInputSchema, type EditInput, type FollowUp } from "./edit-request-answers";
import type { EditFileChange } from "./edit-file-changes";
import { editReviewNotes } from "./edit-review-notes";

export interface EditDeps {
  profile: PlatformProfile;
  operations: Partial<Record<EditOperationName, EditOperation<unknown>>>;
  /** The base branch as indexed: its commit and its namespaces. */
  snapshot: { commit: string; find(cluster: string, name: string): NamespaceRecord | undefined };
  loadFolder: (commit: string, record: NamespaceRecord) => Promise<NamespaceFolder | null>;
  readFile: (commit: string, path: string) => Promise<string | null>;
  /** The namespace's other active requests and the paths each changes. */
  activeRequests: (cluster: string, namespace: string) => Promise<{ id: string; paths: string[] }[]>;
  workloads: (cluster: string, namespace: string) => NamespaceWorkloads;
  /** GitHub: an added admin team must exist in the organisation (null or absent with the local provider). */
  teams?: TeamDirectory | null;
  /** Today, for edits that compute dates (a review date renewed for N months). */
  context: EditContext;
}

export interface PreparedEdit {
  fields: Record<string, string>;
  input: EditInput | null;
  namespace: NamespaceRecord | null;
  /** The commit the files were read at: the form sends it back, and submitting checks main has not moved the change. */
  baseCommit: string;
  answers: unknown;
  files: EditFileChange[];
  notes: string[];
  followUp: FollowUp | null;
  checks: CheckResult[];
  review: ReviewForecast | null;
  /** Other open requests that change the same files ("the second is told at preview time"). */
  overlaps: { id: string; paths: string[] }[];
  /** What reviewers must be told about this request. */
  flags: string[];
}

const fieldsOf = (error: { issues: { path: PropertyKey[]; message: string }[] }, prefix = "") =>
  Object.fromEntries(error.issues.map((i) => [`${prefix}${i.path.map(String).join(".")}` || prefix.replace(/\.$/, "") || "answers", i.message]));

/**
 * Everything checked before an edit of existing files becomes a pull request,
 * with nothing written: the namespace's owners (or a reviewer) ask; the
 * operation takes the answers and edits the folder as it is at the indexed
 * commit; the repository's checks and the review forecast run over exactly
 * the files that change. A form built on an older commit is re-applied there
 * too: if main moved the change, the requester is told (`baseCommit`).
 */
export async function prepareEditRequest(viewer: Viewer | null, body: unknown, deps: EditDeps): Promise<PreparedEdit> {
  const empty = {
    input: null,
    namespace: null,
    baseCommit: deps.snapshot.commit,
    answers: null,
    files: [],
    notes: [],
    followUp: null,
    checks: [],
    review: null,
    overlaps: [],
    flags: [],
  };
  const parsed = editInputSchema.safeParse(body);
  if (!parsed.success) return { ...empty, fields: fieldsOf(parsed.error) };
  const input = parsed.data;
  const namespace = deps.snapshot.find(input.cluster, input.namespace);
  if (!namespace) throw new AppError("not_found", `No namespace ${input.namespace} on cluster ${input.cluster}`);
  authorize(viewer, canRequestEdit(viewer, namespace));
  const operation = deps.operations[input.operation];
  if (!operation) return { ...empty, input, namespace, fields: { operation: `The ${input.operation} edit is not available yet` } };
  const answers = parseEditAnswers(operation, input.answers);
  if (!answers.ok) return { ...empty, input, namespace, fields: answers.errors };
  const unknownTeams = await unknownAddedTeams(deps.teams, input.operation, answers.answers);
  if (Object.keys(unknownTeams).length > 0) return { ...empty, input, namespace, answers: answers.answers, fields: unknownTeams };

  const commit = deps.snapshot.commit;
  const now = await applyEditAt(commit, namespace, operation, answers.answers, deps);
  if (!now.ok) return { ...empty, input, namespace, answers: answers.answers, fields: now.errors };
  const fields: Record<string, string> = {};
  if (input.baseCommit && input.baseCommit !== commit) {
    const then = await applyEditAt(input.baseCommit, namespace, operation, answers.answers, deps).catch(() => null);
    if (!then || !then.ok || !sameFiles(then, now))
      fields.baseCommit = "The repository changed since this form was built and the change is not the same any more: review the new preview and submit again";
  }
  if (now.files.length === 0) fields.answers = "These answers change nothing";

  const flags: string[] = [];
  if (input.operation === "decommission") {
    const live = deps.workloads(namespace.cluster, namespace.name);
    if (!live.known) flags.push("Decommission requested while Berth does not know what the cluster runs in the namespace");
    else if (live.deployments + live.pods > 0) {
      const running = `${live.deployments} deployment(s) and ${live.pods} pod(s)`;
      if (!input.confirmWorkloads) fields.confirmWorkloads = `The cluster still runs ${running} in ${namespace.name}: confirm they may go`;
      else flags.push(`Decommission confirmed by the requester while the cluster still runs ${running} in ${namespace.name}`);
    }
  }

  const { checks, review } = await checkChange(now.files, {
    profile: deps.profile,
    author: viewer,
    readBase: (path) => deps.readFile(commit, path),
    namespace,
  });
  const reasons = editReviewNotes(now.folder, now.files, deps.profile);
  review.reasons = [...new Set([...reasons, ...flags, ...review.reasons])];
  if (reasons.some((r) => r.includes("is-production"))) review.flags.production = true;
  const failed = failureSummary(checks, deps.profile);
  if (failed) fields.policy = failed;
  const paths = new Set(now.files.map((f) => f.path));
  const overlaps = (await deps.activeRequests(namespace.cluster, namespace.name))
    .map((r) => ({ id: r.id, paths: r.paths.filter((p) => paths.has(p)) }))
    .filter((r) => r.paths.length > 0);
  return {
    fields,
    input,
    namespace,
    baseCommit: commit,
    answers: answers.answers,
    files: now.files,
    notes: now.notes,
    followUp: now.followUp,
    checks,
    review,
    overlaps,
    flags,
  };
}

type Applied = Extract<AppliedEdit, { ok: true }>;

/** The same lines added and removed in the same files: what main moved around the change (context, other lines) does not count. */
function sameFiles(a: Applied, b: Applied): boolean {
  const key = (e: Applied) =>
    JSON.stringify(
      e.files.map((f) => ({ path: f.path, deleted: f.content === null, ...diffLines(f.previous, f.content) })).sort((x, y) => (x.path < y.path ? -1 : 1)),
    );
  return key(a) === key(b);
}
