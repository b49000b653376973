import { getViewer } from "@/lib/auth/current-viewer";
import { assertSameOrigin, readJson, respond } from "@/lib/server/http";
import { requestsFor, submitRequest } from "@/lib/server/requests/request-service";

export async function GET(): Promise<Response> {
  return respond(async () => Response.json({ requests: await requestsFor(await getViewer()) }));
}

export async function POST(request: Request): Promise<Response> {
  return respond(async () => {
    assertSameOrigin(request);
    const viewer = await getViewer();
    const { id } = await submitRequest(viewer, await readJson(request));
    return Response.json({ id, url: `/requests/${id}` }, { status: 201 });
  });
}
