// `npm run db:migrate`: applies pending migrations to the database Berth's
// settings select (DATABASE_URL, or the embedded PGlite folder), offline.
import { migrateDatabase } from "../lib/db/migrate-database";
import { readEnv } from "../lib/env";

async function main(): Promise<void> {
  const env = readEnv();
  const target = env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `the embedded database in ${env.dataDir}`;
  console.log(`Applying migrations to ${target}`);
  await migrateDatabase(env, { output: "inherit" });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
