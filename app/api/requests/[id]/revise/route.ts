import { getViewer } from "@/lib/server/current-viewer";
import { mutationRoute, readJson } from "@/lib/server/http";
import { revise } from "@/lib/server/requests/request-service";

/** The requester (or a teammate) revises a request: the new files go as a new commit on the same branch and pull request. */
export const POST = mutationRoute("/api/requests/[id]/revise", async (request, { params }: { params: Promise<{ id: string }> }, services) => {
  const { id, revision } = await revise(services, await getViewer(), (await params).id, await readJson(request));
  return Response.json({ id, revision, url: `/requests/${id}` });
});
