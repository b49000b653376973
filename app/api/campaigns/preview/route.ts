import { getViewer } from "@/lib/server/current-viewer";
import { mutationRoute, readJson } from "@/lib/server/http";
import { campaignPreview } from "@/lib/server/campaigns/campaign-service";

/** What a campaign would change, namespace by namespace, nothing written; platform reviewers. */
export const POST = mutationRoute("/api/campaigns/preview", async (request, _context, services) =>
  Response.json(await campaignPreview(services, await getViewer(), await readJson(request))),
);
