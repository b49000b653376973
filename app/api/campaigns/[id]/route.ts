import { getViewer } from "@/lib/server/current-viewer";
import { apiRoute } from "@/lib/server/http";
import { campaignFor } from "@/lib/server/campaigns/campaign-service";

/** A campaign, its counts and each target with its request's state; anyone who may browse the inventory. */
export const GET = apiRoute("/api/campaigns/[id]", async (_request, { params }: { params: Promise<{ id: string }> }, services) =>
  Response.json(await campaignFor(services, await getViewer(), (await params).id)),
);
