import { getViewer } from "@/lib/server/current-viewer";
import { mutationRoute, readJson } from "@/lib/server/http";
import { retryTarget } from "@/lib/server/campaigns/campaign-service";

/** A platform reviewer retries a failed target (body { cluster, namespace }): it is re-evaluated on main at its next turn. */
export const POST = mutationRoute("/api/campaigns/[id]/retry", async (request, { params }: { params: Promise<{ id: string }> }, services) => {
  await retryTarget(services, await getViewer(), (await params).id, await readJson(request));
  return Response.json({ ok: true });
});
