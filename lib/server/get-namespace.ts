import { canBrowseInventory, canSeeNamespaceInFull, isNamespaceOwner } from "@/lib/auth/policy";
import type { Viewer } from "@/lib/auth/viewer";
import { latestVersion, pinStatus, type PinStatus } from "@/lib/environments/profile/module-version";
import { isReviewOverdue } from "@/lib/environments/inventory/query-inventory";
import type { ModuleUse, NamespaceRecord } from "@/lib/environments/types";
import { AppError } from "@/lib/errors";
import { authorize } from "./authorize";
import { isoDate } from "./clock";
import type { Services } from "./services";

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

export type NamespaceDeps = Pick<Services, "inventory" | "profile" | "clock">;

export async function getNamespace(deps: NamespaceDeps, viewer: Viewer | null, cluster: string, name: string): Promise<NamespaceDetail> {
  authorize(viewer, canBrowseInventory(viewer));
  const snapshot = await deps.inventory.snapshot();
  const namespace = snapshot.find(cluster, name);
  if (!namespace) throw new AppError("not_found", `No namespace ${name} on cluster ${cluster}`);
  const { profile } = deps;
  return {
    namespace,
    commit: snapshot.commit,
    reviewOverdue: isReviewOverdue(namespace, isoDate(deps.clock.now())),
    owner: isNamespaceOwner(viewer, namespace),
    fullView: canSeeNamespaceInFull(viewer, namespace),
    modules: namespace.modules.map((m) => ({ ...m, status: pinStatus(m, profile), currentVersion: latestVersion(profile, m.module) ?? null })),
  };
}
