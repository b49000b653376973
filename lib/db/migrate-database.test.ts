import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { migrateDatabase } from "./migrate-database";

/** A stand-in Prisma CLI that records where it ran and with which arguments. */
function fakeCli(dir: string): string {
  const record = path.join(dir, "ran.json");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "package.json"), "{}\n");
  mkdirSync(path.join(dir, "node_modules/prisma/build"), { recursive: true });
  writeFileSync(
    path.join(dir, "node_modules/prisma/build/index.js"),
    `require("node:fs").writeFileSync(${JSON.stringify(record)}, JSON.stringify({ cwd: process.cwd(), args: process.argv.slice(2) }));\n`,
  );
  return record;
}

describe("migrateDatabase", () => {
  let base = "";
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it("runs the migrator beside a standalone server, even when output tracing copied prisma.config.ts there", async () => {
    base = mkdtempSync(path.join(tmpdir(), "berth-migrate-"));
    // What output tracing leaves in a standalone folder: the config, and the CLI's entry file without the CLI.
    writeFileSync(path.join(base, "prisma.config.ts"), "// traced into the standalone folder\n");
    mkdirSync(path.join(base, "node_modules/prisma/build"), { recursive: true });
    writeFileSync(path.join(base, "node_modules/prisma/build/index.js"), 'require("./cli.js");\n');
    const migrator = path.join(base, "migrate");
    const record = fakeCli(migrator);
    await migrateDatabase({ DATABASE_URL: "postgresql://db.invalid/berth", dataDir: path.join(base, "data") }, { root: base });
    const ran = JSON.parse(readFileSync(record, "utf8")) as { cwd: string; args: string[] };
    expect(ran).toEqual({ cwd: migrator, args: ["migrate", "deploy", "--config", path.join(migrator, "prisma.config.ts")] });
  });

  it("runs the install's own CLI when there is one", async () => {
    base = mkdtempSync(path.join(tmpdir(), "berth-migrate-"));
    const record = fakeCli(base);
    await migrateDatabase({ DATABASE_URL: "postgresql://db.invalid/berth", dataDir: path.join(base, "data") }, { root: base });
    expect((JSON.parse(readFileSync(record, "utf8")) as { cwd: string }).cwd).toBe(base);
  });
});
