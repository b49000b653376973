import { canBrowseInventory, canSeeNamespaceInFull, isNamespaceOwner } from "@/lib/auth/policy";
import type { Viewer } from "@/lib/auth/viewer";
import { pinStatus, type PinStatus } from "@/lib/environments/module-version";
import { isReviewOverdue } from "@/lib/environments/query-inventory";
import type { ModuleUse, NamespaceRecord } from "@/lib/environments/types";
import { AppError } from "@/lib/errors";
import { authorize } from "./authorize";
import { isoDate } from "./clock";
import { getClock, getInventoryStore, getProfile } from "./wiring";

export interface NamespaceDetail {
  namespace: NamespaceRecord;
  commit: string;
  reviewOverdue: boolean;
  modules: (ModuleUse & { status: PinStatus; currentVersion: string | null })[];
  /** The viewer is in one of the namespace's teams. */
  owner: boolean;
  /** The viewer may see secrets' keys and events (owner or reviewer). */
  fullView: boolean;
}

export async function getNamespace(viewer: Viewer | null, cluster: string, name: string): Promise<NamespaceDetail> {
  authorize(viewer, canBrowseInventory(viewer));
  const snapshot = await getInventoryStore().snapshot();
  const namespace = snapshot.find(cluster, name);
  if (!namespace) throw new AppError("not_found", `No namespace ${name} on cluster ${cluster}`);
  const profile = getProfile();
  return {
    namespace,
    commit: snapshot.commit,
    reviewOverdue: isReviewOverdue(namespace, isoDate(getClock().now())),
    owner: isNamespaceOwner(viewer, namespace),
    fullView: canSeeNamespaceInFull(viewer, namespace),
    modules: namespace.modules.map((m) => ({ ...m, status: pinStatus(m, profile), currentVersion: profile.modules[m.module] ?? null })),
  };
}
