import { getViewer } from "@/lib/auth/current-viewer";
import { parseInventoryQuery } from "@/lib/environments/query-inventory";
import { apiRoute } from "@/lib/server/http";
import { listNamespacesJson } from "@/lib/server/list-namespaces";

export const GET = apiRoute("/api/namespaces", async (request) => {
  const json = await listNamespacesJson(await getViewer(), parseInventoryQuery(new URL(request.url).searchParams));
  return new Response(json, { headers: { "content-type": "application/json" } });
});
