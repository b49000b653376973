import { getViewer } from "@/lib/server/current-viewer";
import { mutationRoute } from "@/lib/server/http";
import { resume } from "@/lib/server/campaigns/campaign-service";

/** A platform reviewer resumes a paused campaign. */
export const POST = mutationRoute("/api/campaigns/[id]/resume", async (_request, { params }: { params: Promise<{ id: string }> }, services) => {
  await resume(services, await getViewer(), (await params).id);
  return Response.json({ ok: true });
});
