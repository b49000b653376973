import { getViewer } from "@/lib/auth/current-viewer";
import { apiRoute, mutationRoute, readJson } from "@/lib/server/http";
import { requestsFor, submitRequest } from "@/lib/server/requests/request-service";

export const GET = apiRoute("/api/requests", async () => Response.json({ requests: await requestsFor(await getViewer()) }));

export const POST = mutationRoute("/api/requests", async (request) => {
  const viewer = await getViewer();
  const { id } = await submitRequest(viewer, await readJson(request));
  return Response.json({ id, url: `/requests/${id}` }, { status: 201 });
});
