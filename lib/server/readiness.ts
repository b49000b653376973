import { checkReadiness, type Readiness } from "./check-readiness";
import { clusterHealth } from "./cluster-health";
import type { Services } from "./services";

/** This replica's readiness (see checkReadiness), with its real database, index and clusters. */
export function readiness(deps: Pick<Services, "db" | "inventory" | "clusters" | "profile">): Promise<Readiness> {
  return checkReadiness({
    pingDatabase: () => deps.db.$queryRaw`SELECT 1`,
    inventory: () => deps.inventory.status(),
    clusters: () => clusterHealth(deps),
  });
}
