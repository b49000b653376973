import { getViewer } from "@/lib/auth/current-viewer";
import { apiRoute } from "@/lib/server/http";
import { getNamespaceLive } from "@/lib/server/get-namespace-live";

type Params = { params: Promise<{ cluster: string; name: string }> };

/** A namespace's live status from the cluster cache; polled by its page. */
export const GET = apiRoute("/api/namespaces/[cluster]/[name]/status", async (_request, { params }: Params) => {
  const { cluster, name } = await params;
  return Response.json(await getNamespaceLive(await getViewer(), decodeURIComponent(cluster), decodeURIComponent(name)), { headers: { "cache-control": "no-store" } });
});
