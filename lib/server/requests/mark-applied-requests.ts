import type { Db } from "@/lib/db/create-db";
import { transitionRequest } from "./transition-request";

/**
 * Merged namespace requests whose namespace now exists in its cluster become
 * "applied": the pipeline has done its part. Resource requests stay merged,
 * because a namespace that already existed says nothing about when their
 * Terraform ran. Safe to call often and from every replica: the state
 * machine ignores a repeated move.
 */
export async function markAppliedRequests(db: Db, isLive: (cluster: string, namespace: string) => boolean): Promise<string[]> {
  const merged = await db.request.findMany({ where: { state: "merged", kind: "namespace" }, select: { id: true, cluster: true, namespace: true } });
  const applied: string[] = [];
  for (const request of merged) {
    if (!isLive(request.cluster, request.namespace)) continue;
    if (await transitionRequest(db, request.id, "applied", "cluster", `namespace ${request.namespace} is live in ${request.cluster}`)) applied.push(request.id);
  }
  return applied;
}
