import { migrateDatabase } from "@/lib/db/migrate-database";
import { NotAnEnvironmentsRepoError } from "@/lib/environments/errors";
import { ConfigError, getEnv } from "@/lib/env";
import { getInventoryStore } from "./wiring";

function stop(message: string): never {
  console.error(`Berth cannot start: ${message}`);
  process.exit(1);
}

/**
 * Start-up: validate every setting, apply migrations when running on the
 * embedded database (production applies them with `npm run db:migrate` once,
 * not in every replica), and index the environments repository, so a bad
 * setting stops the server with a message naming it instead of failing pages.
 */
export async function startBerth(): Promise<void> {
  let env;
  try {
    env = getEnv();
  } catch (error) {
    if (error instanceof ConfigError) stop(error.message);
    throw error;
  }
  if (!env.DATABASE_URL) await migrateDatabase(env);
  try {
    const snapshot = await getInventoryStore().snapshot();
    console.log(`Berth indexed ${snapshot.namespaces.length} namespaces at ${snapshot.commit.slice(0, 12)} from ${env.environmentsRepo}`);
  } catch (error) {
    if (error instanceof NotAnEnvironmentsRepoError) stop(`Invalid setting BERTH_ENVIRONMENTS_REPO: ${error.message}`);
    throw error;
  }
}
