import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { migrateDatabase } from "@/lib/db/migrate-database";
import { NotAnEnvironmentsRepoError } from "@/lib/environments/repository/errors";
import { assertServerSettings, ConfigError } from "@/lib/env";
import { createLogger } from "@/lib/log";
import { runCampaignsTick } from "./campaigns/campaign-service";
import { pollOpenPullRequests } from "./requests/request-service";
import { getServices, type Services } from "./services";
import { startClusterWatch } from "./start-cluster-watch";
import { recordPeerAddresses } from "./peer-address";
import { repairIncomingRequests } from "./repair-incoming-request";

function stop(message: string): never {
  createLogger().error(`Berth cannot start: ${message}`);
  process.exit(1);
}

/**
 * A few full collections after the cold index (and after each cluster's first
 * list, which parses every object of the cluster once). Reading the repository leaves
 * ~100 MB of parse garbage in V8's old space, and V8 keeps those pages (RSS)
 * on an idle server; measured with `npm run bench`, three collections a few
 * milliseconds apart return them to the system (one is not enough: V8 frees
 * the pages of a space only on the collection after it is emptied).
 */
async function releaseGarbage(): Promise<void> {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Start-up: validate every setting, apply migrations when running on the
 * embedded database (production applies them with `npm run db:migrate` once,
 * not in every replica), and index the environments repository, so a bad
 * setting stops the server with a message naming it instead of failing pages.
 */
export async function startBerth(): Promise<void> {
  recordPeerAddresses();
  repairIncomingRequests();
  let services: Services;
  try {
    services = getServices();
    assertServerSettings(services.env);
  } catch (error) {
    if (error instanceof ConfigError) stop(error.message);
    throw error;
  }
  const { env, log } = services;
  // Note: before anything opens the embedded database, whose folder the migration locks for a moment.
  if (!env.DATABASE_URL) await migrateDatabase(env);
  await services.syncClone().catch((error: Error) => stop(`Cannot read GITHUB_ENVIRONMENTS_REPO ${env.GITHUB_ENVIRONMENTS_REPO}: ${error.message}`));
  try {
    const snapshot = await services.inventory.snapshot();
    await releaseGarbage();
    services.startBackgroundWork(
      () => pollOpenPullRequests(services),
      () => runCampaignsTick(services),
    );
    try {
      startClusterWatch(services, () => void releaseGarbage());
    } catch (error) {
      stop(`Invalid cluster settings (BERTH_KUBECONFIG, BERTH_KUBE_IN_CLUSTER): ${(error as Error).message}`);
    }
    log.info(`Berth indexed ${snapshot.namespaces.length} namespaces`, { commit: snapshot.commit, repository: env.environmentsRepo });
  } catch (error) {
    if (error instanceof NotAnEnvironmentsRepoError) stop(`Invalid setting BERTH_ENVIRONMENTS_REPO: ${error.message}`);
    throw error;
  }
}
