import { getViewer } from "@/lib/auth/current-viewer";
import { assertSameOrigin, readJson, respond } from "@/lib/server/http";
import { merge, review } from "@/lib/server/requests/request-service";

/** Approve, request changes (posted to GitHub as the reviewer) or, with the local provider, merge. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return respond(async () => {
    assertSameOrigin(request);
    const viewer = await getViewer();
    const { id } = await params;
    const body = await readJson(request);
    if ((body as { action?: unknown })?.action === "merge") await merge(viewer, id);
    else await review(viewer, id, body);
    return Response.json({ ok: true });
  });
}
