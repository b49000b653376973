import { getViewer } from "@/lib/server/current-viewer";
import { apiRoute } from "@/lib/server/http";
import { requestStateFor } from "@/lib/server/requests/request-state-for";

type Params = { params: Promise<{ id: string }> };

/** A request's state; polled by its page. */
export const GET = apiRoute("/api/requests/[id]/state", async (_request, { params }: Params, services) =>
  Response.json(await requestStateFor(services, await getViewer(), (await params).id), { headers: { "cache-control": "no-store" } }),
);
