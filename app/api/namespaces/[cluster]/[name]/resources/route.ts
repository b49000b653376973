import { getViewer } from "@/lib/auth/current-viewer";
import { assertSameOrigin, readJson, respond } from "@/lib/server/http";
import { submitResources } from "@/lib/server/requests/request-service";

type Params = { params: Promise<{ cluster: string; name: string }> };

/** Owners request AWS resources (or module upgrades) for their namespace: one pull request. */
export async function POST(request: Request, { params }: Params): Promise<Response> {
  return respond(async () => {
    assertSameOrigin(request);
    const { cluster, name } = await params;
    const { id } = await submitResources(await getViewer(), cluster, name, await readJson(request));
    return Response.json({ id, url: `/requests/${id}` }, { status: 201 });
  });
}
