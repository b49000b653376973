import { apiRoute } from "@/lib/server/http";
import { readiness } from "@/lib/server/readiness";

// Answered fresh on every request: never prerendered or cached at build time.
export const dynamic = "force-dynamic";

/** Readiness: 200 when this replica should get traffic, else 503; the body says why either way. */
export const GET = apiRoute("/api/ready", async (_request, _context, services) => {
  const result = await readiness(services);
  return Response.json(result, { status: result.ready ? 200 : 503, headers: { "cache-control": "no-store" } });
});
