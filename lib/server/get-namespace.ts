import { pinStatus, type PinStatus } from "@/lib/environments/module-version";
import { isReviewOverdue } from "@/lib/environments/query-inventory";
import type { ModuleUse, NamespaceRecord } from "@/lib/environments/types";
import { AppError } from "@/lib/errors";
import { isoDate } from "./clock";
import { getClock, getInventoryStore, getProfile } from "./wiring";

export interface NamespaceDetail {
  namespace: NamespaceRecord;
  commit: string;
  reviewOverdue: boolean;
  modules: (ModuleUse & { status: PinStatus; currentVersion: string | null })[];
}

export async function getNamespace(cluster: string, name: string): Promise<NamespaceDetail> {
  const snapshot = await getInventoryStore().snapshot();
  const namespace = snapshot.find(cluster, name);
  if (!namespace) throw new AppError("not_found", `No namespace ${name} on cluster ${cluster}`);
  const profile = getProfile();
  return {
    namespace,
    commit: snapshot.commit,
    reviewOverdue: isReviewOverdue(namespace, isoDate(getClock().now())),
    modules: namespace.modules.map((m) => ({ ...m, status: pinStatus(m, profile), currentVersion: profile.modules[m.module] ?? null })),
  };
}
