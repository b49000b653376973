import { randomBytes } from "node:crypto";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-db";
import { toJson } from "@/lib/db/to-json";
import type { PlatformProfile } from "@/lib/environments/profile/profile";
import type { NamespaceRecord } from "@/lib/environments/types";
import { AppError } from "@/lib/errors";
import type { GitProvider } from "@/lib/git/git-provider";
import type { Logger } from "@/lib/log";
import { draftForRequest } from "./draft-for-request";
import type { DraftSettings } from "./namespace-draft";
import { openRequestPullRequest } from "./open-request-pull-request";
import { prepareResourceRequest } from "./prepare-resource-request";
import { requestFiles } from "./request-columns";
import { ACTIVE_STATES } from "./request-state";
import { resourceBranch } from "./resource-draft";

/** Submits AWS resources for a namespace: one request, one pull request, the same tracking and retry as namespaces. */
export async function submitResourceRequest(
  viewer: Viewer | null,
  namespace: NamespaceRecord | undefined,
  input: unknown,
  deps: {
    db: Db;
    profile: PlatformProfile;
    provider: GitProvider;
    draft: DraftSettings;
    log: Pick<Logger, "error">;
    readFile: (path: string) => Promise<string | null>;
  },
): Promise<{ id: string }> {
  const prepared = await prepareResourceRequest(viewer, namespace, input, deps);
  if (Object.keys(prepared.fields).length > 0 || !prepared.value || !viewer || !namespace) {
    throw new AppError("invalid_input", "The request has errors", prepared.fields);
  }
  const id = randomBytes(6).toString("hex");
  const team = namespace.teams.find((t) => viewer.teams.includes(t))!;
  const row = {
    id,
    kind: "resources" as const,
    requester: viewer.login,
    cluster: namespace.cluster,
    namespace: namespace.name,
    answers: prepared.value,
    // What each changed file held before, so reviewers see a diff.
    files: prepared.files.map(({ path, content, previous }) => ({ path, content, previous })),
  };
  const added = new Map(
    prepared.files
      .filter((f) => f.previous === null || f.previous === undefined)
      .map((f) => [f.path, prepared.value!.resources.findIndex((r) => f.path.endsWith(`/${r.name}.tf`))]),
  );
  await deps.db.$transaction(async (tx) => {
    // Note: two open requests must not add the same resources/<name>.tf (the second could never merge):
    // new files are checked against the namespace's other active requests under a lock on the namespace,
    // in the transaction that records this one.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`resources:${namespace.cluster}/${namespace.name}`}))`;
    const others = await tx.request.findMany({
      where: { cluster: namespace.cluster, namespace: namespace.name, state: { in: [...ACTIVE_STATES] } },
      select: { id: true, files: true },
    });
    const fields: Record<string, string> = {};
    for (const other of others) {
      for (const file of requestFiles(other)) {
        const index = added.get(file.path);
        if (index === undefined || (file.previous !== null && file.previous !== undefined)) continue;
        fields[index >= 0 ? `resources.${index}.name` : "resources"] ??= `${file.path.split("/").pop()} is already added by open request ${other.id}`;
      }
    }
    if (Object.keys(fields).length > 0) throw new AppError("invalid_input", "The request has errors", fields);
    await tx.request.create({
      data: {
        ...row,
        state: "submitted",
        team,
        branch: resourceBranch(namespace.name, id),
        review: toJson(prepared.review),
        events: {
          create: {
            fromState: null,
            toState: "submitted",
            actor: viewer.login,
            note: `Requested ${prepared.value!.resources.length} resource change(s) for ${namespace.name}`,
          },
        },
      },
    });
  });
  await openRequestPullRequest(deps.db, deps.provider, id, draftForRequest(row, deps.draft), "berth", deps.log);
  return { id };
}
