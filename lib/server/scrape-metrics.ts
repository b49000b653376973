import { timingSafeEqual } from "node:crypto";
import { AppError } from "@/lib/errors";
import type { Services } from "./services";

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The Prometheus exposition. Note: with BERTH_METRICS_TOKEN set, only a
 * scraper with `Authorization: Bearer <token>` gets it; unset, it is open and
 * the deployment must keep /api/metrics off the Ingress (deploy/ does so).
 */
export async function scrapeMetrics(deps: Pick<Services, "env" | "metrics">, authorization: string | null): Promise<{ body: string; contentType: string }> {
  const token = deps.env.BERTH_METRICS_TOKEN;
  if (token && !sameSecret(authorization ?? "", `Bearer ${token}`)) throw new AppError("unauthenticated", "Metrics need the scrape token");
  return deps.metrics.render();
}
