import { getViewer } from "@/lib/auth/current-viewer";
import { assertSameOrigin, readJson, respond } from "@/lib/server/http";
import { previewNamespaceRequest } from "@/lib/server/requests/request-service";

/** The form's live check: field errors, policy results and the files, with nothing written. */
export async function POST(request: Request): Promise<Response> {
  return respond(async () => {
    assertSameOrigin(request);
    const { fields, policy, files } = await previewNamespaceRequest(await getViewer(), await readJson(request));
    return Response.json({ fields, policy, files });
  });
}
