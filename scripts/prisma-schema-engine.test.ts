import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acquireFolderLock } from "../lib/db/lock";
import pg from "pg";
import { scratchDatabase } from "../lib/db/testing/scratch-database";

// Runs the real Prisma CLI, configured by prisma.config.ts to use the shim,
// against a throwaway PostgreSQL database and a throwaway PGlite folder.
const root = path.resolve(__dirname, "..");
const prismaCli = path.join(root, "node_modules/prisma/build/index.js");
const migrationsOnDisk = fs.readdirSync(path.join(root, "prisma/migrations")).filter((name) => /^\d+_/.test(name));

interface Run {
  code: number | null;
  output: string;
}

function prisma(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [prismaCli, ...args], {
      cwd: root,
      env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: "", ...env },
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

const migrationRowsSql = `SELECT migration_name, checksum, logs, applied_steps_count,
  finished_at IS NOT NULL AS finished, rolled_back_at IS NULL AS not_rolled_back
  FROM _prisma_migrations ORDER BY migration_name`;
const tablesSql = `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`;

type Rows = Record<string, unknown>[];
const migrationRows: Record<"postgres" | "pglite", Rows> = { postgres: [], pglite: [] };

/** The same checks for either database: deploy, then status and diff agree it is up to date. */
function migrateAndCheck(env: () => Record<string, string>) {
  it("migrate deploy applies every migration", async () => {
    const run = await prisma(["migrate", "deploy"], env());
    expect(run.output).toContain("All migrations have been successfully applied");
    expect(run.code).toBe(0);
    for (const name of migrationsOnDisk) expect(run.output).toContain(name);
  });

  it("migrate deploy again has nothing to do", async () => {
    const run = await prisma(["migrate", "deploy"], env());
    expect(run.output).toContain("No pending migrations to apply");
    expect(run.code).toBe(0);
  });

  it("migrate status reports the database up to date", async () => {
    const run = await prisma(["migrate", "status"], env());
    expect(run.output).toContain("Database schema is up to date");
    expect(run.code).toBe(0);
  });

  it("migrate diff finds the database, the migrations and the schema identical", async () => {
    const fromDb = await prisma(["migrate", "diff", "--from-config-datasource", "--to-schema", "prisma/schema.prisma", "--exit-code"], env());
    expect(fromDb.output).toContain("No difference detected");
    expect(fromDb.code).toBe(0);
    // Replays the migrations on a shadow database (an in-memory PGlite, or a temporary PostgreSQL database).
    const fromMigrations = await prisma(
      ["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", "prisma/schema.prisma", "--script"],
      env(),
    );
    expect(fromMigrations.output).toContain("-- This is an empty migration.");
    expect(fromMigrations.code).toBe(0);
  });

  it("migrate diff prints the SQL of the schema from empty", async () => {
    const run = await prisma(["migrate", "diff", "--from-empty", "--to-config-datasource", "--script"], env());
    expect(run.code).toBe(0);
    expect(run.output).toContain('CREATE TABLE "public"."index_runs"');
  });
}

describe("through PostgreSQL", () => {
  const url = scratchDatabase("berth_shim");

  migrateAndCheck(() => ({ DATABASE_URL: url }));

  it("leaves the tables and the _prisma_migrations bookkeeping", async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const tables = (await client.query(tablesSql)).rows.map((row) => row.table_name);
      expect(tables).toEqual(expect.arrayContaining(["_prisma_migrations", "index_runs"]));
      migrationRows.postgres = (await client.query(migrationRowsSql)).rows;
      const shadows = await client.query("SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'");
      expect(shadows.rows).toEqual([]);
    } finally {
      await client.end();
    }
    expect(migrationRows.postgres.map((row) => row.migration_name)).toEqual(migrationsOnDisk);
  });
});

describe("through the embedded PGlite folder", () => {
  let dataDir: string;
  const folder = () => path.join(dataDir, "pglite");

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "berth-shim-"));
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  migrateAndCheck(() => ({ DATABASE_URL: "", BERTH_DATA_DIR: dataDir }));

  it("leaves the tables and the _prisma_migrations bookkeeping, and releases the folder", async () => {
    expect(fs.existsSync(`${folder()}.lock`)).toBe(false);
    const lock = acquireFolderLock(folder());
    const db = new PGlite(folder());
    try {
      const tables = (await db.query<{ table_name: string }>(tablesSql)).rows.map((row) => row.table_name);
      expect(tables).toEqual(expect.arrayContaining(["_prisma_migrations", "index_runs"]));
      migrationRows.pglite = (await db.query<Record<string, unknown>>(migrationRowsSql)).rows;
    } finally {
      await db.close();
      lock.release();
    }
    expect(migrationRows.pglite.map((row) => row.migration_name)).toEqual(migrationsOnDisk);
  });

  it("refuses a folder another process holds, naming the folder and the pid", async () => {
    const lock = acquireFolderLock(folder());
    try {
      const run = await prisma(["migrate", "status"], { DATABASE_URL: "", BERTH_DATA_DIR: dataDir, BERTH_LOCK_WAIT_MS: "100" });
      expect(run.code).not.toBe(0);
      expect(run.output).toContain(folder());
      expect(run.output).toContain(`process ${process.pid}`);
    } finally {
      lock.release();
    }
  });
});

describe("both databases", () => {
  it("record identical migration bookkeeping", () => {
    expect(migrationRows.pglite.length).toBeGreaterThan(0);
    expect(migrationRows.pglite).toEqual(migrationRows.postgres);
  });
});
