import { getViewer } from "@/lib/auth/current-viewer";
import { parseInventoryQuery } from "@/lib/environments/query-inventory";
import { respond } from "@/lib/server/http";
import { listNamespaces } from "@/lib/server/list-namespaces";

export async function GET(request: Request): Promise<Response> {
  return respond(async () => Response.json(await listNamespaces(await getViewer(), parseInventoryQuery(new URL(request.url).searchParams))));
}
