import { getEnv } from "@/lib/env";
import { createDb, type Db, type OpenDb } from "./create-db";

// Kept on globalThis so Next's dev server, which reloads modules, reuses the
// open client instead of opening (and locking) the folder a second time.
const state = globalThis as typeof globalThis & { __berthDb?: OpenDb };

/**
 * The app's one Prisma client, created on first use (so `next build` and
 * imports never open a database). With the embedded database this process
 * holds the folder lock until it exits; run migrateDatabase() before the
 * first call.
 */
export function getDb(): Db {
  state.__berthDb ??= createDb(getEnv());
  return state.__berthDb.client;
}

/** Closes the client if one is open (tests, CLI commands that must exit cleanly). */
export async function closeDb(): Promise<void> {
  const open = state.__berthDb;
  state.__berthDb = undefined;
  await open?.close();
}

/** Whether getDb() has opened a client in this process. */
export function isDbOpen(): boolean {
  return state.__berthDb !== undefined;
}
