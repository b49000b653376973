import path from "node:path";
import type { Env } from "@/lib/env";

/** The embedded PGlite database's folder; prisma.config.ts derives the same path for the CLI. */
export function embeddedFolder(env: Pick<Env, "dataDir">): string {
  return path.join(env.dataDir, "pglite");
}
