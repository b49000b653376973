import { getViewer } from "@/lib/server/current-viewer";
import { apiRoute, mutationRoute, readJson } from "@/lib/server/http";
import { requestsFor, submitRequest } from "@/lib/server/requests/request-service";

export const GET = apiRoute("/api/requests", async (_request, _context, services) =>
  Response.json({ requests: await requestsFor(services, await getViewer()) }),
);

export const POST = mutationRoute("/api/requests", async (request, _context, services) => {
  const viewer = await getViewer();
  const { id } = await submitRequest(services, viewer, await readJson(request));
  return Response.json({ id, url: `/requests/${id}` }, { status: 201 });
});
