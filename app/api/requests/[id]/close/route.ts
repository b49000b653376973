import { getViewer } from "@/lib/server/current-viewer";
import { mutationRoute, readJson } from "@/lib/server/http";
import { closeWithReason } from "@/lib/server/requests/request-service";

/** A platform reviewer closes a request with a reason; on GitHub its pull request is closed with the reason as a comment. */
export const POST = mutationRoute("/api/requests/[id]/close", async (request, { params }: { params: Promise<{ id: string }> }, services) => {
  await closeWithReason(services, await getViewer(), (await params).id, await readJson(request));
  return Response.json({ ok: true });
});
