import { getViewer } from "@/lib/server/current-viewer";
import { mutationRoute, readJson } from "@/lib/server/http";
import { markApplied, merge, review } from "@/lib/server/requests/request-service";

/** Approve, request changes (posted to GitHub as the reviewer), with the local provider merge, or mark a merged edit or resource request applied. */
export const POST = mutationRoute("/api/requests/[id]/review", async (request, { params }: { params: Promise<{ id: string }> }, services) => {
  const viewer = await getViewer();
  const { id } = await params;
  const body = await readJson(request);
  const action = (body as { action?: unknown })?.action;
  if (action === "merge") await merge(services, viewer, id);
  else if (action === "mark_applied") await markApplied(services, viewer, id);
  else await review(services, viewer, id, body);
  return Response.json({ ok: true });
});
