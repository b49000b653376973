import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { scratchDatabase } from "./testing/scratch-database";

const migrations = path.resolve(__dirname, "../../prisma/migrations");
const EDIT = "20261205001500_request_kind_edit";
const folders = fs
  .readdirSync(migrations)
  .filter((f) => /^\d{14}_/.test(f))
  .sort();
const sql = (folder: string) => fs.readFileSync(path.join(migrations, folder, "migration.sql"), "utf8");
const before = folders.filter((f) => f < EDIT);

const SEED = `INSERT INTO requests (id, kind, state, cluster, namespace, team, requester, answers, files, branch, updated_at) VALUES
  ('r1', 'resources', 'merged', 'live', 'orders-dev', 'orders', 'alice', '{}', '[]', 'b1', now())`;
const EDIT_ROW = `INSERT INTO requests (id, kind, state, cluster, namespace, team, requester, answers, files, branch, updated_at) VALUES
  ('r2', 'edit', 'submitted', 'live', 'orders-dev', 'orders', 'alice', '{"operation":"metadata"}', '[]', 'b2', now())`;
const READ = `SELECT id, kind::text AS kind FROM requests ORDER BY id`;
const expected = [
  { id: "r1", kind: "resources" },
  { id: "r2", kind: "edit" },
];

/** The `edit` request kind is added without touching existing requests, on PostgreSQL and on PGlite. */
describe("the edit request kind migration", () => {
  const url = scratchDatabase("berth_kind_edit");

  it("keeps existing rows and accepts edit requests on PostgreSQL", async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      for (const folder of before) await client.query(sql(folder));
      await client.query(SEED);
      await expect(client.query(EDIT_ROW)).rejects.toThrow(/invalid input value for enum/);
      await client.query(sql(EDIT));
      await client.query(EDIT_ROW);
      expect((await client.query(READ)).rows).toEqual(expected);
    } finally {
      await client.end();
    }
  });

  it("keeps existing rows and accepts edit requests on PGlite", async () => {
    const db = await PGlite.create();
    try {
      for (const folder of before) await db.exec(sql(folder));
      await db.exec(SEED);
      await db.exec(sql(EDIT));
      await db.exec(EDIT_ROW);
      expect((await db.query(READ)).rows).toEqual(expected);
    } finally {
      await db.close();
    }
  });
});
