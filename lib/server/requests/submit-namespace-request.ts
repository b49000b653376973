import { randomBytes } from "node:crypto";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-db";
import { toJson } from "@/lib/db/to-json";
import type { PlatformProfile } from "@/lib/environments/profile/profile";
import { AppError } from "@/lib/errors";
import type { GitProvider } from "@/lib/git/git-provider";
import type { Logger } from "@/lib/log";
import type { ClusterNamespaces } from "@/lib/environments/requests/claimed-namespace";
import type { InventorySnapshot } from "../inventory-store";
import { draftForRequest } from "./draft-for-request";
import { namespaceBranch, type DraftSettings } from "./namespace-draft";
import { openRequestPullRequest } from "./open-request-pull-request";
import { prepareNamespaceRequest } from "./prepare-namespace-request";
import { openPrototypeDeployPr, type PrototypeRepos } from "./open-prototype-deploy-pr";
import { ACTIVE_STATES } from "./request-state";

export interface SubmitDeps {
  db: Db;
  profile: PlatformProfile;
  snapshot: InventorySnapshot;
  /** Each cluster's namespaces from the cluster cache; absent: every cluster unknown. */
  clusters?: readonly ClusterNamespaces[];
  /** Reads a file at the base commit (CODEOWNERS for the forecast). */
  readBase?: (path: string) => Promise<string | null>;
  /** Today (YYYY-MM-DD) from the server's clock: a review-after date before it is refused. */
  today?: string;
  provider: GitProvider;
  /** GitHub: the organisation's repositories, for a prototype site's deployment pull request; null (local) opens none. */
  prototypeRepos?: PrototypeRepos | null;
  draft: DraftSettings;
  log: Pick<Logger, "error">;
}

/**
 * Submits a namespace request: checks it (bad input answers 422 with field
 * errors and writes nothing: no row, no branch), records it, and opens its
 * pull request. A GitHub failure leaves a "failed" request that can be retried.
 * A prototype site whose requester consented also gets a pull request in its
 * own repository with the deployment files (GitHub only; see
 * openPrototypeDeployPr).
 */
export async function submitNamespaceRequest(viewer: Viewer, input: unknown, deps: SubmitDeps): Promise<{ id: string }> {
  const prepared = await prepareNamespaceRequest(viewer, input, deps);
  if (Object.keys(prepared.fields).length > 0 || !prepared.value) {
    throw new AppError("invalid_input", "The request has errors", prepared.fields);
  }
  const value = prepared.value;
  const id = randomBytes(6).toString("hex");
  await deps.db.$transaction(async (tx) => {
    // Note: two people asking for the same name at the same moment must not both get it:
    // the check is repeated under a lock on the name, in the transaction that records the request.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${value.name}))`;
    const pending = await tx.request.findFirst({ where: { namespace: value.name, state: { in: [...ACTIVE_STATES] } }, select: { id: true } });
    if (pending) throw new AppError("invalid_input", "The request has errors", { name: `${value.name} is already requested (request ${pending.id})` });
    await tx.request.create({
      data: {
        id,
        kind: "namespace",
        state: "submitted",
        cluster: value.cluster,
        namespace: value.name,
        team: value.team,
        requester: viewer.login,
        answers: value,
        files: prepared.files.map((f) => ({ ...f })),
        branch: namespaceBranch(value.name, id),
        review: toJson(prepared.review),
        events: { create: { fromState: null, toState: "submitted", actor: viewer.login, note: `Requested namespace ${value.name} on ${value.cluster}` } },
      },
    });
  });
  const draft = draftForRequest(
    { id, kind: "namespace", requester: viewer.login, cluster: value.cluster, namespace: value.name, answers: value, files: prepared.files },
    deps.draft,
  );
  await openRequestPullRequest(deps.db, deps.provider, id, draft, "berth", deps.log);
  const conventions = deps.profile.prototype;
  if (value.prototype?.deployPullRequest && deps.prototypeRepos && conventions) {
    const row = await deps.db.request.findUnique({ where: { id }, select: { prUrl: true } });
    const clusterDomain = deps.profile.clusters.find((c) => c.name === value.cluster)!.domain;
    await openPrototypeDeployPr(
      { db: deps.db, repos: deps.prototypeRepos, log: deps.log },
      { id, requester: viewer.login, namespace: value.name, repository: value.prototype.repository, clusterDomain, envPrUrl: row?.prUrl ?? null },
      conventions,
    );
  }
  return { id };
}
