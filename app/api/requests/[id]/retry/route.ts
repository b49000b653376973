import { getViewer } from "@/lib/server/current-viewer";
import { mutationRoute } from "@/lib/server/http";
import { retry } from "@/lib/server/requests/request-service";

export const POST = mutationRoute("/api/requests/[id]/retry", async (_request, { params }: { params: Promise<{ id: string }> }, services) => {
  await retry(services, await getViewer(), (await params).id);
  return Response.json({ ok: true });
});
