import pg from "pg";
import { afterAll, beforeAll } from "vitest";

/** The PostgreSQL server tests use (CI: the local server); TEST_DATABASE_URL overrides it. */
export const testPostgresUrl = process.env.TEST_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/test";

/** The same server, another database. */
export function postgresUrlFor(database: string): string {
  const url = new URL(testPostgresUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Creates a database of its own for the calling test file (dropped after it) and returns its URL. */
export function scratchDatabase(prefix: string): string {
  const database = `${prefix}_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: testPostgresUrl });
  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
  });
  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
  });
  return postgresUrlFor(database);
}
