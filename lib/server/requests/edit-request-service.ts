import type { Viewer } from "@/lib/auth/viewer";
import { canBrowseInventory } from "@/lib/auth/policy";
import { editOperations } from "@/lib/environments/edit/operations";
import { readEditableInputs, type ReadEditableInputsResult } from "@/lib/environments/edit/read-editable-inputs";
import { loadNamespaceFolder } from "@/lib/environments/repository/load-namespace-folder";
import { resolveRevision } from "@/lib/environments/repository/resolve-commit";
import { readFileAt } from "@/lib/environments/repository/run-git";
import { AppError } from "@/lib/errors";
import { canRequestEdit } from "@/lib/auth/policy";
import { authorize } from "../authorize";
import { getRequest } from "./get-request";
import { editOperationNameSchema, storedEditAnswersSchema } from "./edit-request-answers";
import { namespaceWorkloads } from "../namespace-workloads";
import type { Services } from "../services";
import { prepareEditRequest, type EditDeps } from "./prepare-edit-request";
import { reapplyEditRequest, type ReapplyOutcome } from "./reapply-edit-request";
import { requestFiles } from "./request-columns";
import { ACTIVE_STATES } from "./request-state";
import { submitEditRequest } from "./submit-edit-request";
import { snapshotFileReader } from "./snapshot-file-reader";

/** The edit requests as routes and pages call them (the request use-cases' wiring, as request-service.ts is for the others). */

type EditServices = Pick<Services, "db" | "env" | "profile" | "inventory" | "clusters" | "clock"> & { git?: Pick<Services["git"], "teams"> };

export async function editDeps(deps: EditServices, operations: EditDeps["operations"] = editOperations): Promise<EditDeps> {
  const snapshot = await deps.inventory.snapshot();
  const repo = deps.env.environmentsRepo;
  const atSnapshot = snapshotFileReader(repo, snapshot, deps.profile);
  return {
    profile: deps.profile,
    operations,
    snapshot,
    loadFolder: (commit, record) => loadNamespaceFolder(repo, commit, record, deps.profile),
    readFile: (commit, path) => (commit === snapshot.commit ? atSnapshot(path) : readFileAt(repo, commit, path)),
    activeRequests: async (cluster, namespace) => {
      const rows = await deps.db.request.findMany({
        where: { cluster, namespace, state: { in: [...ACTIVE_STATES] } },
        select: { id: true, files: true },
        orderBy: { createdAt: "asc" },
      });
      return rows.map((row) => ({ id: row.id, paths: requestFiles(row).map((f) => f.path) }));
    },
    workloads: (cluster, name) => namespaceWorkloads(deps, cluster, name),
    teams: deps.git?.teams ?? null,
    context: { now: deps.clock.now() },
  };
}

export async function previewEdit(deps: EditServices, viewer: Viewer | null, body: unknown) {
  authorize(viewer, canBrowseInventory(viewer));
  const { fields, baseCommit, files, notes, followUp, checks, review, overlaps, flags } = await prepareEditRequest(viewer, body, await editDeps(deps));
  return { fields, baseCommit, files, notes, followUp, checks, review, overlaps, flags };
}

export async function submitEdit(deps: EditServices & Pick<Services, "git" | "draft" | "log" | "syncClone">, viewer: Viewer | null, body: unknown) {
  authorize(viewer, canBrowseInventory(viewer));
  // Submitting reads main as it is now (a form built on an older commit is re-validated against it).
  await deps.syncClone().catch((error: unknown) => deps.log.error("could not bring the clone up to date before an edit", { reason: String(error) }));
  await deps.inventory.refresh().catch(() => undefined);
  return submitEditRequest(viewer, body, { ...(await editDeps(deps)), db: deps.db, provider: deps.git.provider, draft: deps.draft, log: deps.log });
}

/**
 * What an edit form's page needs: the namespace as indexed and the commit it
 * was read at, whether the operation is available, what the cluster runs there,
 * and for a follow-up (`after`), the answers the first step asked for.
 */
export async function editFormFor(
  deps: EditServices,
  viewer: Viewer | null,
  cluster: string,
  name: string,
  operation: string,
  after: string | null,
  block: string | null = null,
) {
  authorize(viewer, canBrowseInventory(viewer));
  const op = editOperationNameSchema.safeParse(operation);
  if (!op.success) throw new AppError("not_found", `No edit ${operation}`);
  const snapshot = await deps.inventory.snapshot();
  const namespace = snapshot.find(cluster, name);
  if (!namespace) throw new AppError("not_found", `No namespace ${name} on cluster ${cluster}`);
  authorize(viewer, canRequestEdit(viewer, namespace));
  let followUp: { id: string; answers: Record<string, unknown> } | null = null;
  if (after && viewer) {
    const first = await getRequest(deps.db, viewer, after);
    const stored = storedEditAnswersSchema.safeParse(first.answers);
    const next = stored.success ? stored.data.followUp : null;
    if (next?.operation === op.data && typeof next.answers === "object" && next.answers !== null)
      followUp = { id: first.id, answers: next.answers as Record<string, unknown> };
  }
  // Resource settings: the chosen block's editable inputs as they are today, to pre-fill the form.
  let inputs: ReadEditableInputsResult | null = null;
  if (op.data === "resource" && block) {
    const folder = await loadNamespaceFolder(deps.env.environmentsRepo, snapshot.commit, namespace, deps.profile);
    inputs = folder ? await readEditableInputs(folder, block, deps.profile) : null;
  }
  return {
    namespace,
    commit: snapshot.commit,
    inputs,
    operation: op.data,
    available: editOperations[op.data] !== undefined,
    workloads: namespaceWorkloads(deps, cluster, name),
    followUp,
  };
}

/**
 * Re-applies an edit request whose branch no longer merges (reapplyEditRequest)
 * onto the base branch as it is now: the clone is brought up to date first.
 */
export async function reapplyEdit(deps: EditServices & Pick<Services, "git" | "log" | "syncClone">, id: string): Promise<ReapplyOutcome> {
  await deps.syncClone().catch((error: unknown) => deps.log.error("could not bring the clone up to date before a re-apply", { reason: String(error) }));
  await deps.inventory.refresh().catch(() => undefined);
  const edit = await editDeps(deps);
  const repo = deps.env.environmentsRepo;
  // The local provider's branches live in the repository itself; a GitHub clone has main checked out.
  const main = deps.env.BERTH_GIT_PROVIDER === "local" ? deps.env.BERTH_BASE_BRANCH : "HEAD";
  return reapplyEditRequest(id, {
    ...edit,
    db: deps.db,
    updater: deps.git.updater,
    mainHead: () => resolveRevision(repo, main),
    now: () => deps.clock.now(),
  });
}
