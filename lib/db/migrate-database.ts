import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import type { Env } from "@/lib/env";
import { embeddedFolder } from "./embedded-folder";
import { waitForFolderLock } from "./lock";

export interface MigrateOptions {
  /**
   * Berth's install folder (node_modules/prisma, prisma.config.ts); default: the working directory. A standalone
   * server's folder has no Prisma CLI: there the migrator beside it (`migrate/`, as the image and the demo lay it out
   * with scripts/image/copy-migrator.mjs) is used.
   */
  root?: string;
  /** "inherit" shows the CLI's output; "pipe" (default) keeps it for the error message. */
  output?: "inherit" | "pipe";
}

/**
 * Applies pending migrations (`prisma migrate deploy`) to the database the
 * settings select, through the offline schema-engine shim.
 *
 * It runs the Prisma CLI as a child process rather than the WASM engine in
 * process: one code path for `npm run db:migrate` and app start, and the app
 * bundle never loads the engine. So it must run before this process opens
 * the embedded folder (the child takes the same folder lock, and is refused
 * while this process holds it).
 */
export async function migrateDatabase(env: Pick<Env, "DATABASE_URL" | "dataDir">, options: MigrateOptions = {}): Promise<void> {
  const base = options.root ?? process.cwd();
  // Note: the migrator folder wins when it is there. Next's output tracing copies stray pieces of the install
  // (prisma.config.ts, even the CLI's entry file without the rest) into the standalone folder, so their presence
  // says nothing; a migrate/ folder exists only where copy-migrator.mjs laid one out.
  const migrator = path.join(base, "migrate");
  const root = existsSync(path.join(migrator, "package.json")) ? migrator : base;
  const output = options.output ?? "pipe";
  const cli = path.join(root, "node_modules", "prisma", "build", "index.js");
  const args = [cli, "migrate", "deploy", "--config", path.join(root, "prisma.config.ts")];
  // Note: the child gets the settings this process validated (an absolute
  // data folder; an empty DATABASE_URL means the embedded database), on top
  // of the inherited environment it needs to run at all (PATH, HOME).
  const childEnv = { ...process.env, DATABASE_URL: env.DATABASE_URL ?? "", BERTH_DATA_DIR: env.dataDir };

  const { code, text } = await new Promise<{ code: number | null; text: string }>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env: childEnv, stdio: ["ignore", output, output] });
    const chunks: Buffer[] = [];
    child.stdout?.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.stderr?.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.on("error", reject);
    child.on("close", (exitCode) => resolve({ code: exitCode, text: Buffer.concat(chunks).toString("utf8") }));
  });
  if (code !== 0) {
    throw new Error(`Database migration failed (prisma migrate deploy exited with ${code}).\n${text.trim()}`);
  }
  if (!env.DATABASE_URL) {
    // The CLI returns before its engine process has closed the folder; wait
    // for that so the caller finds the folder free.
    (await waitForFolderLock(embeddedFolder(env), 15_000)).release();
  }
}
