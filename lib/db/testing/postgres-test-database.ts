import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { createDb, type Db, type OpenDb } from "../create-db";
import { scratchDatabase } from "./scratch-database";

const MIGRATIONS = path.resolve(__dirname, "../../../prisma/migrations");

/**
 * A database of its own on the test PostgreSQL server for the calling test
 * file, with every migration's SQL applied in order (as `migrate deploy`
 * would, without starting the schema engine: seconds instead of a minute on
 * a loaded machine), dropped after it. Call the result inside tests.
 */
export function postgresTestDatabase(prefix: string): () => Db {
  const url = migratedPostgresUrl(prefix);
  let open: OpenDb | undefined;
  beforeAll(() => {
    open = createDb({ DATABASE_URL: url, dataDir: "" });
  });
  afterAll(async () => {
    await open?.close();
  });
  return () => {
    if (!open) throw new Error("the test database is not open yet");
    return open.client;
  };
}

/** The URL of a database of its own for the calling test file, migrated before its tests (for services built from settings). */
export function migratedPostgresUrl(prefix: string): string {
  const url = scratchDatabase(prefix);
  beforeAll(async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      for (const folder of fs.readdirSync(MIGRATIONS).sort()) {
        const file = path.join(MIGRATIONS, folder, "migration.sql");
        if (fs.existsSync(file)) await client.query(fs.readFileSync(file, "utf8"));
      }
    } finally {
      await client.end();
    }
  });
  return url;
}
