import { getViewer } from "@/lib/server/current-viewer";
import { mutationRoute, readJson } from "@/lib/server/http";
import { previewNamespaceRequest } from "@/lib/server/requests/request-service";

/** The form's live check: field errors, the repository's checks, the review forecast and the files, with nothing written. */
export const POST = mutationRoute("/api/requests/preview", async (request, _context, services) => {
  // A revision's preview: the request being revised does not hold its own name.
  const revising = new URL(request.url).searchParams.get("revising") ?? undefined;
  const { fields, checks, files, review } = await previewNamespaceRequest(services, await getViewer(), await readJson(request), revising);
  return Response.json({ fields, checks, files, review });
});
