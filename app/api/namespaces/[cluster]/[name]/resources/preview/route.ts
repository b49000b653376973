import { getViewer } from "@/lib/server/current-viewer";
import { mutationRoute, readJson } from "@/lib/server/http";
import { previewResources } from "@/lib/server/requests/request-service";

type Params = { params: Promise<{ cluster: string; name: string }> };

/** The resource form's live check: field errors, the repository's checks, the files with what they replace, the review forecast. Nothing is written. */
export const POST = mutationRoute("/api/namespaces/[cluster]/[name]/resources/preview", async (request, { params }: Params, services) => {
  const { cluster, name } = await params;
  const { fields, checks, files, review } = await previewResources(services, await getViewer(), cluster, name, await readJson(request));
  return Response.json({ fields, checks, files, review });
});
