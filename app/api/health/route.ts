import { apiRoute } from "@/lib/server/http";

// Answered fresh on every request: never prerendered or cached at build time.
export const dynamic = "force-dynamic";

// Note: liveness only says the process answers; a database or cluster outage must not make Kubernetes restart every replica.
export const GET = apiRoute("/api/health", async () => Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } }));
