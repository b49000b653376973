import { getViewer } from "@/lib/server/current-viewer";
import { mutationRoute, readJson } from "@/lib/server/http";
import { previewEdit } from "@/lib/server/requests/edit-request-service";

/**
 * An edit form's live check: field errors, each changed file with its old and
 * new text and a unified diff, the repository's checks, the review forecast,
 * other open requests touching the same files, and the commit it was read at.
 * Nothing is written.
 */
export const POST = mutationRoute("/api/requests/edit/preview", async (request, _context, services) => {
  return Response.json(await previewEdit(services, await getViewer(), await readJson(request)));
});
