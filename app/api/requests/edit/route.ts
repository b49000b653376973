import { getViewer } from "@/lib/server/current-viewer";
import { mutationRoute, readJson } from "@/lib/server/http";
import { submitEdit } from "@/lib/server/requests/edit-request-service";

/** Submits an edit of a namespace's existing files (owners, or reviewers): one request, one pull request. */
export const POST = mutationRoute("/api/requests/edit", async (request, _context, services) => {
  const { id } = await submitEdit(services, await getViewer(), await readJson(request));
  return Response.json({ id, url: `/requests/${id}` }, { status: 201 });
});
