import { getViewer } from "@/lib/auth/current-viewer";
import { mutationRoute, readJson } from "@/lib/server/http";
import { merge, review } from "@/lib/server/requests/request-service";

/** Approve, request changes (posted to GitHub as the reviewer) or, with the local provider, merge. */
export const POST = mutationRoute("/api/requests/[id]/review", async (request, { params }: { params: Promise<{ id: string }> }) => {
  const viewer = await getViewer();
  const { id } = await params;
  const body = await readJson(request);
  if ((body as { action?: unknown })?.action === "merge") await merge(viewer, id);
  else await review(viewer, id, body);
  return Response.json({ ok: true });
});
