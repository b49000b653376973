import { getViewer } from "@/lib/server/current-viewer";
import { mutationRoute } from "@/lib/server/http";
import { refreshPullRequest } from "@/lib/server/requests/refresh-pull-request";

/** Reads the request's pull request from GitHub now (limited per user by the route, per request by the use-case). */
export const POST = mutationRoute("/api/requests/[id]/refresh", async (_request, { params }: { params: Promise<{ id: string }> }, services) =>
  Response.json(await refreshPullRequest(services, await getViewer(), (await params).id)),
);
