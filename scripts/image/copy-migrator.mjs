#!/usr/bin/env node
// Copies what the one-shot migration command needs into <out>: the Prisma
// CLI with Berth's offline schema-engine shim (docs/offline-prisma.md), the
// schema, the migrations and the npm packages they load (with every
// dependency, as installed from the lockfile). The container image carries
// it next to the Next.js standalone server, which has no Prisma CLI.
//
//   node scripts/image/copy-migrator.mjs <out>
//   cd <out> && node node_modules/prisma/build/index.js migrate deploy --config prisma.config.ts
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const out = path.resolve(process.argv[2] ?? "");
if (!process.argv[2]) {
  console.error("usage: copy-migrator.mjs <out>");
  process.exit(2);
}

/** What `prisma migrate deploy` loads: the CLI, the config loader's and the shim's imports. */
const ROOTS = [
  "prisma",
  "@prisma/schema-engine-wasm",
  "@prisma/adapter-pg",
  "@prisma/driver-adapter-utils",
  "pg",
  "@electric-sql/pglite",
  "pglite-prisma-adapter",
];
const FILES = ["prisma.config.ts", "prisma/schema.prisma", "prisma/migrations", "scripts/prisma-schema-engine.mjs", "lib/db/lock.ts"];

/** The installed folder of `name` as Node resolves it from `fromDir` (walking up node_modules). */
function resolvePackage(name, fromDir) {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "node_modules", name);
    if (fs.existsSync(path.join(candidate, "package.json"))) return candidate;
    if (dir === root || dir === path.dirname(dir)) return null;
  }
}

const copied = new Set();
function visit(name, fromDir, optional) {
  const dir = resolvePackage(name, fromDir);
  if (!dir) {
    if (optional) return;
    throw new Error(`${name} is not installed (needed from ${path.relative(root, fromDir) || "."}); run npm install`);
  }
  const real = fs.realpathSync(dir);
  if (copied.has(real)) return;
  copied.add(real);
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
  for (const dep of Object.keys(manifest.dependencies ?? {})) visit(dep, dir, false);
  // Optional dependencies when installed (platform-specific builds); not peer
  // dependencies: those are the host's choice (typescript, react...) and
  // migrate deploy loads none of them.
  for (const dep of Object.keys(manifest.optionalDependencies ?? {})) visit(dep, dir, true);
}
for (const name of ROOTS) visit(name, root, false);

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
// A package inside another copied package's node_modules comes along with it.
const dirs = [...copied].sort();
for (const dir of dirs) {
  if (dirs.some((other) => other !== dir && dir.startsWith(`${other}${path.sep}`))) continue;
  fs.cpSync(dir, path.join(out, path.relative(root, dir)), { recursive: true, dereference: true });
}
for (const file of FILES) fs.cpSync(path.join(root, file), path.join(out, file), { recursive: true });
fs.writeFileSync(path.join(out, "package.json"), JSON.stringify({ name: "berth-migrate", private: true, type: "commonjs" }, null, 2) + "\n");
console.log(`copied ${copied.size} packages and ${FILES.length} paths to ${out}`);
