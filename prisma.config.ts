import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

// Tooling config for the Prisma CLI (not part of the app, so it reads
// process.env directly; the app reads the same settings through lib/env.ts).
const root = path.dirname(fileURLToPath(import.meta.url));

// Note: every Prisma CLI command first tries to download a native schema
// engine. Berth ships a JSON-RPC shim over the WASM engine instead, so the
// CLI works offline; see docs/offline-prisma.md. An explicitly set binary
// (e.g. a real engine on a connected machine) still wins.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ||= path.join(root, "scripts/prisma-schema-engine.mjs");

/**
 * DATABASE_URL when set, else Berth's embedded PGlite folder as a
 * `pglite:<absolute folder>` URL, which only the shim understands.
 */
function datasourceUrl(): string {
  const url = process.env.DATABASE_URL;
  if (url) return url;
  const dataDir = path.resolve(process.env.BERTH_DATA_DIR || ".berth");
  return `pglite:${path.join(dataDir, "pglite")}`;
}

export default defineConfig({
  schema: path.join(root, "prisma/schema.prisma"),
  migrations: { path: path.join(root, "prisma/migrations") },
  datasource: { url: datasourceUrl() },
});
