import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { Env } from "@/lib/env";
import { embeddedFolder } from "./embedded-folder";
import { PrismaClient } from "./generated/client";
import { acquireFolderLock } from "./lock";

export type Db = InstanceType<typeof PrismaClient>;

export interface OpenDb {
  client: Db;
  /** Disconnects, closes PGlite and gives up the folder lock. */
  close(): Promise<void>;
}

/**
 * Opens a Prisma client on the database the settings select: PostgreSQL when
 * DATABASE_URL is set, else the embedded PGlite folder, locked for as long as
 * it is open (a second process is refused with FolderLockedError).
 *
 * Note for the embedded database: PGlite has a single session, so inside an
 * interactive `$transaction(async (tx) => ...)` use only `tx`; a call on the
 * outer client waits for the transaction and the two deadlock.
 */
export function createDb(env: Pick<Env, "DATABASE_URL" | "dataDir">): OpenDb {
  if (env.DATABASE_URL) {
    const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: env.DATABASE_URL }) });
    return { client, close: () => client.$disconnect() };
  }
  const folder = embeddedFolder(env);
  const lock = acquireFolderLock(folder);
  try {
    fs.mkdirSync(folder, { recursive: true });
    // Note: PostgreSQL's default 128 MB of shared buffers costs the embedded
    // database ~140 MB of RSS for data that fits in a few; 16 MB is plenty here.
    const pglite = new PGlite(folder, { postgresqlconf: "shared_buffers = 16MB" });
    const client = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    return {
      client,
      async close() {
        try {
          await client.$disconnect();
          await pglite.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}
