import { getViewer } from "@/lib/server/current-viewer";
import { apiRoute, mutationRoute, readJson } from "@/lib/server/http";
import { campaignsFor, startCampaign } from "@/lib/server/campaigns/campaign-service";

/** Every campaign with its counts; anyone who may browse the inventory. */
export const GET = apiRoute("/api/campaigns", async (_request, _context, services) =>
  Response.json({ campaigns: await campaignsFor(services, await getViewer()) }),
);

/** A platform reviewer starts a campaign: previewed again here, its targets stored, opened by the runner at its pace. */
export const POST = mutationRoute("/api/campaigns", async (request, _context, services) => {
  const { id } = await startCampaign(services, await getViewer(), await readJson(request));
  return Response.json({ id }, { status: 201 });
});
