import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { createDb } from "./create-db";
import { FolderLockedError } from "./lock";
import { migrateDatabase } from "./migrate-database";
import { scratchDatabase } from "./testing/scratch-database";

const root = path.resolve(__dirname, "../..");

describe("the embedded database", () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "berth-db-"));
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it("is migrated, opened under the folder lock, and keeps its data across opens", async () => {
    const env = parseEnv({ BERTH_DATA_DIR: dataDir });
    await migrateDatabase(env, { root });

    const first = createDb(env);
    expect(() => createDb(env)).toThrow(FolderLockedError);
    const created = await first.client.indexRun.create({
      data: { commit: "a1b2c3", kind: "cold", namespaces: 12, problems: 1, durationMs: 340 },
    });
    expect(created.createdAt).toBeInstanceOf(Date);
    await first.close();
    expect(fs.existsSync(path.join(dataDir, "pglite.lock"))).toBe(false);

    const second = createDb(env);
    try {
      expect(await second.client.indexRun.findMany()).toEqual([created]);
    } finally {
      await second.close();
    }
  });
});

describe("PostgreSQL", () => {
  const url = scratchDatabase("berth_db");

  it("is migrated and used through DATABASE_URL", async () => {
    const env = parseEnv({ DATABASE_URL: url });
    await migrateDatabase(env, { root });
    const db = createDb(env);
    try {
      await db.client.indexRun.createMany({
        data: [
          { commit: "c1", kind: "cold", namespaces: 3, problems: 0, durationMs: 50 },
          { commit: "c2", kind: "incremental", namespaces: 3, problems: 2, durationMs: 5 },
        ],
      });
      const latest = await db.client.indexRun.findFirst({ orderBy: { createdAt: "desc" }, where: { kind: "incremental" } });
      expect(latest).toMatchObject({ commit: "c2", problems: 2 });
    } finally {
      await db.close();
    }
  });
});
