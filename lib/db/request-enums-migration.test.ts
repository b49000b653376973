import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { scratchDatabase } from "./testing/scratch-database";

const migrations = path.resolve(__dirname, "../../prisma/migrations");
const ENUMS = "20261204210000_request_enums";
const folders = fs
  .readdirSync(migrations)
  .filter((f) => /^\d{14}_/.test(f))
  .sort();
const sql = (folder: string) => fs.readFileSync(path.join(migrations, folder, "migration.sql"), "utf8");
const before = folders.filter((f) => f < ENUMS);

const SEED = `INSERT INTO requests (id, kind, state, cluster, namespace, team, requester, answers, files, branch, updated_at) VALUES
  ('r1', 'namespace', 'approved', 'live', 'orders-dev', 'orders', 'alice', '{}', '[]', 'b1', now()),
  ('r2', 'resources', 'merged', 'live', 'orders-dev', 'orders', 'alice', '{}', '[]', 'b2', now())`;
const READ = `SELECT id, kind::text AS kind, state::text AS state, pg_typeof(state)::text AS type FROM requests ORDER BY id`;
const expected = [
  { id: "r1", kind: "namespace", state: "approved", type: "request_state" },
  { id: "r2", kind: "resources", state: "merged", type: "request_state" },
];

/** The enum migration keeps every existing request: text values are converted in place, on the oldest server and on PGlite. */
describe("the request enums migration", () => {
  const url = scratchDatabase("berth_enums");

  it("converts existing rows on PostgreSQL 15", async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      for (const folder of before) await client.query(sql(folder));
      await client.query(SEED);
      await client.query(sql(ENUMS));
      expect((await client.query(READ)).rows).toEqual(expected);
      await expect(client.query(`UPDATE requests SET state = 'nonsense' WHERE id = 'r1'`)).rejects.toThrow(/invalid input value for enum/);
    } finally {
      await client.end();
    }
  });

  it("converts existing rows on PGlite", async () => {
    const db = await PGlite.create();
    try {
      for (const folder of before) await db.exec(sql(folder));
      await db.exec(SEED);
      await db.exec(sql(ENUMS));
      expect((await db.query(READ)).rows).toEqual(expected);
    } finally {
      await db.close();
    }
  });
});
