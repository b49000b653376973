import { getViewer } from "@/lib/server/current-viewer";
import { parseInventoryQuery } from "@/lib/environments/inventory/query-inventory";
import { apiRoute } from "@/lib/server/http";
import { listNamespacesJson } from "@/lib/server/list-namespaces";

export const GET = apiRoute("/api/namespaces", async (request, _context, services) => {
  const json = await listNamespacesJson(services, await getViewer(), parseInventoryQuery(new URL(request.url).searchParams));
  return new Response(json, { headers: { "content-type": "application/json" } });
});
