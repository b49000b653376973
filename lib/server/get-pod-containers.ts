import type { Viewer } from "@/lib/auth/viewer";
import type { PodContainer } from "@/lib/clusters/pod-logs";
import { podLogAccess, podLogError } from "./pod-log-access";
import type { Services } from "./services";

/** A pod's containers, read from the cluster for its logs page (owners and reviewers, as the logs). */
export async function getPodContainers(
  deps: Pick<Services, "inventory" | "clusters" | "podLogs">,
  viewer: Viewer | null,
  target: { cluster: string; namespace: string; pod: string },
): Promise<PodContainer[]> {
  const { source } = await podLogAccess(deps, viewer, target.cluster, target.namespace);
  try {
    return await source.containers(target.namespace, target.pod);
  } catch (error) {
    throw podLogError(error, target.pod);
  }
}
