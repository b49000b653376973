import { getViewer } from "@/lib/server/current-viewer";
import { mutationRoute, readJson } from "@/lib/server/http";
import { campaignDiff } from "@/lib/server/campaigns/campaign-service";

/** One namespace's unified diff of a campaign's edit, on demand; platform reviewers. */
export const POST = mutationRoute("/api/campaigns/preview/diff", async (request, _context, services) =>
  Response.json(await campaignDiff(services, await getViewer(), await readJson(request))),
);
