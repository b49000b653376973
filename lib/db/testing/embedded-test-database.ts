import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { parseEnv } from "@/lib/env";
import { createDb, type Db, type OpenDb } from "../create-db";
import { migrateDatabase } from "../migrate-database";

/** A migrated embedded database of its own for the calling test file, removed after it. Call the result inside tests. */
export function embeddedTestDatabase(): () => Db {
  let dataDir: string;
  let open: OpenDb | undefined;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "berth-test-db-"));
    const env = parseEnv({ BERTH_DATA_DIR: dataDir });
    await migrateDatabase(env, { root: path.resolve(__dirname, "../../..") });
    open = createDb(env);
  });
  afterAll(async () => {
    await open?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return () => {
    if (!open) throw new Error("the test database is not open yet");
    return open.client;
  };
}
