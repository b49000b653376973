import { canBrowseInventory } from "@/lib/auth/policy";
import type { Viewer } from "@/lib/auth/viewer";
import { authorize } from "./authorize";
import { liveLookup, type LiveSummary } from "./list-namespaces";
import type { Services } from "./services";
import { ACTIVE_STATES } from "./requests/request-state";

export interface MyNamespace {
  cluster: string;
  name: string;
  application: string | null;
  reviewAfter: string | null;
  live: LiveSummary;
}

export interface MyRequest {
  id: string;
  kind: string;
  state: string;
  cluster: string;
  namespace: string;
  team: string;
  createdAt: Date;
}

const LIMIT = 200;

/** The viewer's namespaces (their teams own them) and open requests (theirs or their teams'), for /me. */
export async function getMyOverview(
  deps: Pick<Services, "db" | "inventory" | "profile" | "clusters">,
  viewer: Viewer | null,
): Promise<{ namespaces: MyNamespace[]; requests: MyRequest[] }> {
  authorize(viewer, canBrowseInventory(viewer));
  const liveOf = liveLookup(deps);
  const namespaces = (await deps.inventory.snapshot()).namespaces
    .filter((ns) => ns.teams.some((team) => viewer.teams.includes(team)))
    .sort((a, b) => a.name.localeCompare(b.name) || a.cluster.localeCompare(b.cluster))
    .slice(0, LIMIT)
    .map((ns) => ({ cluster: ns.cluster, name: ns.name, application: ns.application, reviewAfter: ns.reviewAfter, live: liveOf(ns) }));
  // Note: scoped to the viewer's own and their teams' requests even for reviewers: this page is "mine", not the queue.
  const requests = await deps.db.request.findMany({
    where: { state: { in: [...ACTIVE_STATES] }, OR: [{ team: { in: [...viewer.teams] } }, { requester: viewer.login }] },
    orderBy: { createdAt: "desc" },
    take: LIMIT,
    select: { id: true, kind: true, state: true, cluster: true, namespace: true, team: true, createdAt: true },
  });
  return { namespaces, requests };
}
