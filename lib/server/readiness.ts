import { getDb } from "@/lib/db/client";
import { checkReadiness, type Readiness } from "./check-readiness";
import { getClusterHealth } from "./cluster-health";
import { getInventoryStore } from "./wiring";

/** This replica's readiness (see checkReadiness), with its real database, index and clusters. */
export function readiness(): Promise<Readiness> {
  return checkReadiness({
    pingDatabase: () => getDb().$queryRaw`SELECT 1`,
    inventory: () => getInventoryStore().status(),
    clusters: getClusterHealth,
  });
}
