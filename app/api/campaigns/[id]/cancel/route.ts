import { getViewer } from "@/lib/server/current-viewer";
import { mutationRoute } from "@/lib/server/http";
import { cancel } from "@/lib/server/campaigns/campaign-service";

/** A platform reviewer cancels a campaign: waiting targets are cancelled and its open pull requests closed with a comment naming it. */
export const POST = mutationRoute("/api/campaigns/[id]/cancel", async (_request, { params }: { params: Promise<{ id: string }> }, services) => {
  await cancel(services, await getViewer(), (await params).id);
  return Response.json({ ok: true });
});
