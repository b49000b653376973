import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-db";
import type { ClusterNamespaces } from "@/lib/environments/requests/claimed-namespace";
import type { PlatformProfile } from "@/lib/environments/profile/profile";
import { AppError } from "@/lib/errors";
import type { InventorySnapshot } from "../inventory-store";
import { prepareNamespaceRequest } from "./prepare-namespace-request";
import { prepareResourceRequest } from "./prepare-resource-request";
import { requestFiles } from "./request-columns";
import { ACTIVE_STATES, type RequestKind } from "./request-state";
import type { PreparedRevision } from "./revise-request";

/**
 * A revision's answers checked by the form of the request's kind, as a new
 * request's would be, except that the request does not hold its own names:
 * a namespace name, or a resources/<name>.tf another open request adds.
 */
export async function prepareRevision(
  viewer: Viewer,
  row: { id: string; kind: RequestKind; cluster: string; namespace: string },
  input: unknown,
  deps: {
    db: Db;
    profile: PlatformProfile;
    snapshot: InventorySnapshot;
    readFile: (path: string) => Promise<string | null>;
    clusters?: readonly ClusterNamespaces[];
  },
): Promise<PreparedRevision> {
  if (row.kind === "namespace") {
    const prepared = await prepareNamespaceRequest(viewer, input, { ...deps, readBase: deps.readFile, revising: row.id });
    return { fields: prepared.fields, value: prepared.value, files: prepared.files.map((f) => ({ ...f, previous: null })), review: prepared.review };
  }
  if (row.kind !== "resources") throw new AppError("conflict", "This kind of request cannot be revised in Berth; withdraw it and submit a new one");
  const namespace = deps.snapshot.find(row.cluster, row.namespace);
  const prepared = await prepareResourceRequest(viewer, namespace, input, deps);
  const fields = { ...prepared.fields };
  const others = await deps.db.request.findMany({
    where: { cluster: row.cluster, namespace: row.namespace, state: { in: [...ACTIVE_STATES] }, id: { not: row.id } },
    select: { id: true, files: true },
  });
  for (const file of prepared.files.filter((f) => f.previous === null)) {
    const other = others.find((o) => requestFiles(o).some((f) => f.path === file.path && (f.previous === null || f.previous === undefined)));
    const index = (prepared.value?.resources ?? []).findIndex((r) => "name" in r && file.path.endsWith(`/${r.name}.tf`));
    if (other) fields[index >= 0 ? `resources.${index}.name` : "resources"] ??= `${file.path.split("/").pop()} is already added by open request ${other.id}`;
  }
  return { fields, value: prepared.value ? { ...prepared.value } : null, files: prepared.files, review: prepared.review };
}
