import { getViewer } from "@/lib/server/current-viewer";
import { mutationRoute } from "@/lib/server/http";
import { withdraw } from "@/lib/server/requests/request-service";

/** The requester (or a team member) withdraws a request; on GitHub its pull request is closed. */
export const POST = mutationRoute("/api/requests/[id]/withdraw", async (_request, { params }: { params: Promise<{ id: string }> }, services) => {
  await withdraw(services, await getViewer(), (await params).id);
  return Response.json({ ok: true });
});
