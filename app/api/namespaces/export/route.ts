import { getViewer } from "@/lib/auth/current-viewer";
import { parseInventoryQuery } from "@/lib/environments/query-inventory";
import { exportNamespaces } from "@/lib/server/export-namespaces";
import { apiRoute } from "@/lib/server/http";

export const GET = apiRoute("/api/namespaces/export", async (request) => {
  const csv = await exportNamespaces(await getViewer(), parseInventoryQuery(new URL(request.url).searchParams));
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="namespaces.csv"',
    },
  });
});
