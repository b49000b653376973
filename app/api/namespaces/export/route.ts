import { getViewer } from "@/lib/server/current-viewer";
import { parseInventoryQuery } from "@/lib/environments/inventory/query-inventory";
import { exportNamespaces } from "@/lib/server/export-namespaces";
import { apiRoute } from "@/lib/server/http";

export const GET = apiRoute("/api/namespaces/export", async (request, _context, services) => {
  const csv = await exportNamespaces(services, await getViewer(), parseInventoryQuery(new URL(request.url).searchParams));
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="namespaces.csv"',
    },
  });
});
