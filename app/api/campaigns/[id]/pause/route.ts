import { getViewer } from "@/lib/server/current-viewer";
import { mutationRoute } from "@/lib/server/http";
import { pause } from "@/lib/server/campaigns/campaign-service";

/** A platform reviewer pauses a running campaign: no target gets its turn until it is resumed. */
export const POST = mutationRoute("/api/campaigns/[id]/pause", async (_request, { params }: { params: Promise<{ id: string }> }, services) => {
  await pause(services, await getViewer(), (await params).id);
  return Response.json({ ok: true });
});
