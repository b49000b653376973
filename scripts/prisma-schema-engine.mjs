#!/usr/bin/env node
// A stand-in for Prisma's native `schema-engine` binary, so the Prisma CLI
// works without downloading anything (see docs/offline-prisma.md).
//
// prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY here. The CLI then
// starts this script the way it starts the binary:
//   prisma-schema-engine.mjs [--datamodels <file>]... --datasource '{"url":...}'
//     -> newline-delimited JSON-RPC 2.0 on stdin/stdout until stdin closes
//   prisma-schema-engine.mjs --datasource '{"url":...}' cli <command>
//     -> one-shot: can-connect-to-database | create-database | drop-database
//   prisma-schema-engine.mjs --version
// and each request is served by the WASM build of the same engine
// (@prisma/schema-engine-wasm), which talks to the database through a
// Prisma driver adapter: @prisma/adapter-pg for postgres:// URLs,
// pglite-prisma-adapter for `pglite:<folder>` (Berth's embedded database).
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { fileURLToPath, pathToFileURL } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";

const here = path.dirname(fileURLToPath(import.meta.url));

// ---- arguments -------------------------------------------------------------

function parseArgs(argv) {
  const args = { datamodels: [], datasource: undefined, cli: undefined, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--datamodels") args.datamodels.push(argv[++i]);
    else if (arg === "--datasource") args.datasource = JSON.parse(argv[++i]);
    else if (arg === "--version" || arg === "-V") args.version = true;
    else if (arg === "cli") args.cli = argv[++i];
    else if (arg === "--enabled-preview-features" || arg === "--extension-types") i++;
  }
  return args;
}

/** `pglite:<absolute folder>` (what prisma.config.ts writes) -> the folder, else null. */
export function pgliteFolder(url) {
  return url.startsWith("pglite:") ? decodeURIComponent(url.slice("pglite:".length)) : null;
}

// ---- driver adapters, with the gaps the WASM engine hits covered -----------

const CHAR_OID = 18; // the catalog type "char" (pg_class.relkind, pg_constraint.contype, ...)
const TEXT_OID = 25;
const CHARACTER_COLUMN = 6; // ColumnTypeEnum.Character in @prisma/driver-adapter-utils

/** Result rows -> the indexes of their "char" columns, handed from performIO to queryRaw. */
const charColumns = new WeakMap();

/**
 * Gap: both adapters refuse result columns of type "char" (oid 18), which the
 * engine's catalog queries return, and the engine reads them as characters
 * (on PostgreSQL 18, e.g. PGlite, contype 'n' for NOT NULL constraints comes
 * back from its describer query). The columns are passed as text through the
 * adapter's type mapping and then reported as Character. Patched on the
 * shared prototype so transactions get it too.
 */
function readCharColumns(adapter) {
  let proto = Object.getPrototypeOf(adapter);
  while (proto && !Object.prototype.hasOwnProperty.call(proto, "performIO")) proto = Object.getPrototypeOf(proto);
  if (!proto || proto.berthCharPatched) return;
  proto.berthCharPatched = true;
  const performIO = proto.performIO;
  const queryRaw = proto.queryRaw;
  proto.performIO = async function (query) {
    const result = await performIO.call(this, query);
    const indexes = [];
    (result?.fields ?? []).forEach((field, i) => {
      if (field.dataTypeID === CHAR_OID) {
        field.dataTypeID = TEXT_OID;
        indexes.push(i);
      }
    });
    if (indexes.length && result.rows) charColumns.set(result.rows, indexes);
    return result;
  };
  proto.queryRaw = async function (query) {
    const result = await queryRaw.call(this, query);
    for (const i of charColumns.get(result.rows) ?? []) result.columnTypes[i] = CHARACTER_COLUMN;
    return result;
  };
}

/**
 * Gap: migrations and `db execute` arrive as one multi-statement script.
 * adapter-pg splits it on ";" (breaking any statement with a ";" inside a
 * string or a function body), and pglite-prisma-adapter does not await it
 * (errors are lost). Both drivers accept a whole script as one simple query.
 */
function runScriptsWhole(adapter, run) {
  adapter.executeScript = async (script) => {
    try {
      await run(script);
    } catch (error) {
      adapter.onError(error); // converts driver errors into Prisma's error shape, and throws
    }
  };
  readCharColumns(adapter);
  return adapter;
}

function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

function postgresFactory(url, shadowUrl) {
  // Note: max 1 keeps every query of a connection on one session, so the
  // engine's session-level advisory lock is released on the session that took it.
  const connectTo = async (target) => {
    const adapter = await new PrismaPg({ connectionString: target, max: 1 }).connect();
    return runScriptsWhole(adapter, (script) => adapter.underlyingDriver().query(script));
  };
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => connectTo(url),
    async connectToShadowDb() {
      if (shadowUrl) return connectTo(shadowUrl);
      // adapter-pg's own version would keep the main database in the shadow
      // pool's connection string; build the shadow URL explicitly instead.
      const name = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
      await adminQuery(url, `CREATE DATABASE "${name}"`);
      const adapter = await connectTo(withDatabase(url, name));
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await adminQuery(url, `DROP DATABASE IF EXISTS "${name}"`);
      };
      return adapter;
    },
  };
}

/** Runs one statement on the server's maintenance database (for CREATE/DROP DATABASE). */
async function adminQuery(url, sql) {
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function pgliteFactory(db) {
  const wrap = async (client) => {
    const adapter = await new PrismaPGlite(client).connect();
    return runScriptsWhole(adapter, (script) => client.exec(script));
  };
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pglite",
    connect: () => wrap(db),
    async connectToShadowDb() {
      const shadow = new PGlite(); // in memory, gone when closed
      const adapter = await wrap(shadow);
      adapter.dispose = () => shadow.close();
      return adapter;
    },
  };
}

/**
 * Opens the database the URL names. For PGlite this takes Berth's folder lock
 * (lib/db/lock.ts, loaded through tsx so there is one implementation) and
 * holds it until the process exits.
 */
async function openDatabase(datasource) {
  const url = datasource?.url;
  if (!url) throw new Error("No datasource url: set DATABASE_URL or leave it unset for the embedded database.");
  const folder = pgliteFolder(url);
  if (folder === null) {
    return { factory: postgresFactory(url, datasource.shadowDatabaseUrl), close: async () => {} };
  }
  const { tsImport } = await import("tsx/esm/api");
  const { waitForFolderLock } = await tsImport(pathToFileURL(path.join(here, "../lib/db/lock.ts")).href, import.meta.url);
  // A previous engine process of the same CLI command may still be closing.
  const lock = await waitForFolderLock(folder, Number(process.env.BERTH_LOCK_WAIT_MS ?? 10_000));
  fs.mkdirSync(folder, { recursive: true });
  const db = new PGlite(folder);
  await db.waitReady;
  return {
    factory: pgliteFactory(db),
    close: async () => {
      await db.close();
      lock.release();
    },
  };
}

// ---- the WASM engine --------------------------------------------------------

async function loadWasm() {
  // Note: the package's entry imports the .wasm file as an ES module, which
  // Node 20 cannot do without a flag, so instantiate it by hand.
  const glue = fileURLToPath(import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const bytes = fs.readFileSync(path.join(path.dirname(glue), "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bindings });
  bindings.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  // The engine reports the reason of a Rust panic here before it traps.
  globalThis.PRISMA_WASM_PANIC_REGISTRY = {
    message: "",
    set_message(message) {
      this.message = message;
    },
  };
}

/** Logs go to stderr as JSON lines, as the binary writes them; the CLI keeps ERROR lines for its messages. */
function log(level, message, extra = {}) {
  process.stderr.write(JSON.stringify({ timestamp: new Date().toISOString(), level, fields: { message, ...extra }, target: "schema_engine::logger" }) + "\n");
}

/** The JSON-RPC error shape the CLI reads (`data.message`, `data.error_code`, `data.is_panic`). */
function rpcError(error) {
  const panic = error instanceof WebAssembly.RuntimeError;
  if (panic) {
    const message = globalThis.PRISMA_WASM_PANIC_REGISTRY.message || error.message;
    return { code: 4466, message, data: { is_panic: true, message, backtrace: error.stack } };
  }
  const known = typeof error === "object" && error !== null ? error : {};
  const message = typeof known.message === "string" ? known.message : String(error);
  return {
    code: 4466,
    message: "An error happened. Check the data field for details.",
    data: { is_panic: false, message, meta: known.meta ?? null, error_code: known.error_code ?? known.code ?? null },
  };
}

/** Methods the CLI calls that the WASM engine names differently or leaves to its host. */
function specialMethods(engine, datasource) {
  return {
    getDatabaseVersion: () => engine.version(),
    async createDatabase() {
      const url = datasource.url;
      if (pgliteFolder(url) !== null) return { databaseName: "pglite" };
      const name = decodeURIComponent(new URL(url).pathname.slice(1)) || "postgres";
      await adminQuery(url, `CREATE DATABASE "${name.replaceAll('"', '""')}"`);
      return { databaseName: name };
    },
  };
}

async function serve(args) {
  // A Rust panic can surface outside the awaited call; report its reason the
  // way the binary does (an ERROR log line, exit code 101) instead of a bare
  // "RuntimeError: unreachable".
  process.on("uncaughtException", (error) => {
    log("ERROR", rpcError(error).data.message);
    process.exit(101);
  });
  await loadWasm();
  const database = await openDatabase(args.datasource);
  const datamodels = args.datamodels.map((file) => [file, fs.readFileSync(file, "utf8")]);
  const engine = await bindings.SchemaEngine.new(
    { datamodels: datamodels.length ? datamodels : undefined },
    (line) => {
      if (process.env.BERTH_ENGINE_DEBUG) process.stderr.write(`${line}\n`);
    },
    bindMigrationAwareSqlAdapterFactory(database.factory),
  );
  const special = specialMethods(engine, args.datasource);
  let nextPrintId = 1_000_000;
  const send = (message) => process.stdout.write(JSON.stringify(message) + "\n");

  // The engine is single-threaded (&mut self): answer requests in order.
  let queue = Promise.resolve();
  const input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  input.on("line", (line) => {
    if (!line.trim()) return;
    const request = JSON.parse(line);
    if (!request.method) return; // the CLI's answer to one of our `print` requests
    queue = queue.then(async () => {
      try {
        const handler = special[request.method] ?? engine[request.method]?.bind(engine);
        if (!handler) throw new Error(`The offline schema engine does not support "${request.method}".`);
        const result = (await handler(request.params ?? {})) ?? {};
        // Gap: the WASM engine returns `migrate diff` output, the binary
        // prints it by asking the CLI to (which also feeds `--output`).
        if (request.method === "diff" && typeof result.stdout === "string" && result.stdout.length) {
          send({ jsonrpc: "2.0", id: nextPrintId++, method: "print", params: { content: result.stdout.replace(/\n$/, "") } });
        }
        send({ jsonrpc: "2.0", id: request.id, result });
      } catch (error) {
        log("ERROR", rpcError(error).data.message);
        send({ jsonrpc: "2.0", id: request.id, error: rpcError(error) });
      }
    });
  });
  // The CLI stops the engine by closing stdin and, at once, sending SIGTERM;
  // either way, finish the request in hand and close PGlite cleanly.
  await new Promise((resolve) => {
    input.on("close", resolve);
    process.once("SIGTERM", resolve);
    process.once("SIGINT", resolve);
  });
  await queue;
  engine.free();
  await database.close();
}

/** `cli <command>`: the one-shot commands `migrate dev` uses to make sure the database exists. */
async function runCliCommand(args) {
  const url = args.datasource?.url ?? "";
  // The CLI drops the first stderr line of these commands before parsing the rest.
  log("INFO", `schema-engine (offline shim) ${args.cli}`);
  if (pgliteFolder(url) !== null) {
    // PGlite creates its folder on open; "connecting" only has to prove nobody else holds it.
    const database = await openDatabase(args.datasource);
    await database.close();
    return;
  }
  const name = decodeURIComponent(new URL(url).pathname.slice(1)) || "postgres";
  const quoted = `"${name.replaceAll('"', '""')}"`;
  if (args.cli === "create-database") return adminQuery(url, `CREATE DATABASE ${quoted}`);
  if (args.cli === "drop-database") return adminQuery(url, `DROP DATABASE IF EXISTS ${quoted}`);
  if (args.cli !== "can-connect-to-database") throw new Error(`Unknown cli command ${args.cli}`);
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    // 3D000: the database does not exist; P1003 tells the CLI to create it.
    if (error.code === "3D000") {
      const err = new Error(`Database \`${name}\` does not exist`);
      err.error_code = "P1003";
      throw err;
    }
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.version) {
    await loadWasm();
    process.stdout.write(`schema-engine-cli ${bindings.version()} (offline WASM shim)\n`);
    return;
  }
  if (args.cli) return runCliCommand(args);
  return serve(args);
}

const isMain = process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  main().then(
    // Exit explicitly (a driver may keep a timer alive), once stdout is flushed.
    () => process.stdout.write("", () => process.exit(0)),
    (error) => {
      log("ERROR", error?.message ?? String(error), error?.error_code ? { error_code: error.error_code } : {});
      process.exit(1);
    },
  );
}
