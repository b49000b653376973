import { getViewer } from "@/lib/auth/current-viewer";
import { assertSameOrigin, respond } from "@/lib/server/http";
import { retry } from "@/lib/server/requests/request-service";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return respond(async () => {
    assertSameOrigin(request);
    await retry(await getViewer(), (await params).id);
    return Response.json({ ok: true });
  });
}
