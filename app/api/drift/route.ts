import { getViewer } from "@/lib/server/current-viewer";
import { apiRoute } from "@/lib/server/http";
import { getDriftJson } from "@/lib/server/get-drift";

/** The drift between the repository and the clusters; polled by /drift. */
export const GET = apiRoute("/api/drift", async (_request, _context, services) =>
  Response.json(await getDriftJson(services, await getViewer()), { headers: { "cache-control": "no-store" } }),
);
