import { getViewer } from "@/lib/server/current-viewer";
import { apiRoute } from "@/lib/server/http";
import { getNamespaceLive } from "@/lib/server/get-namespace-live";

type Params = { params: Promise<{ cluster: string; name: string }> };

/** A namespace's live status from the cluster cache; polled by its page. */
export const GET = apiRoute("/api/namespaces/[cluster]/[name]/status", async (_request, { params }: Params, services) => {
  // Note: route handlers get their params decoded already; decoding again turned %25 into a URIError (500).
  const { cluster, name } = await params;
  return Response.json(await getNamespaceLive(services, await getViewer(), cluster, name), {
    headers: { "cache-control": "private, no-store" },
  });
});
