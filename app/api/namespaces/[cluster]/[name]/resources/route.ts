import { getViewer } from "@/lib/server/current-viewer";
import { mutationRoute, readJson } from "@/lib/server/http";
import { submitResources } from "@/lib/server/requests/request-service";

type Params = { params: Promise<{ cluster: string; name: string }> };

/** Owners request AWS resources (or module upgrades) for their namespace: one pull request. */
export const POST = mutationRoute("/api/namespaces/[cluster]/[name]/resources", async (request, { params }: Params, services) => {
  const { cluster, name } = await params;
  const { id } = await submitResources(services, await getViewer(), cluster, name, await readJson(request));
  return Response.json({ id, url: `/requests/${id}` }, { status: 201 });
});
