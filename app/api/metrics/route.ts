import { apiRoute } from "@/lib/server/http";
import { scrapeMetrics } from "@/lib/server/scrape-metrics";

// Answered fresh on every request: never prerendered or cached at build time.
export const dynamic = "force-dynamic";

/** Prometheus metrics (prom-client's text format). */
export const GET = apiRoute("/api/metrics", async (request, _context, services) => {
  const { body, contentType } = await scrapeMetrics(services, request.headers.get("authorization"));
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
});
