import childProcess from "node:child_process";
import { syncBuiltinESMExports } from "node:module";
import net from "node:net";
import path from "node:path";
import { vi } from "vitest";

/**
 * Setup file of the fast lane (`npm run test:fast`, vitest.config.ts). A test there may not start a server, open a
 * connection, open a database (PostgreSQL, PGlite) or start another Node.js process (Berth's CLI, a sample cluster, the
 * fake GitHub), so the lane cannot quietly grow slow or come to need services: such a test fails here with this
 * message, and its file belongs in SERVER_TESTS. Other programs (git) may run.
 */
function refuse(what: string): never {
  throw new Error(`${what} in the fast lane: this test needs servers or processes, so list its file in SERVER_TESTS (vitest.config.ts)`);
}

net.Server.prototype.listen = function listen() {
  refuse("a server listening");
};
net.Socket.prototype.connect = function connect() {
  refuse("a network connection");
};
vi.mock("@electric-sql/pglite", () => ({
  PGlite: class {
    constructor() {
      refuse("an embedded database (PGlite)");
    }
  },
}));

// Note: the seconds a child Node.js process takes to start (tsx compiling on the way) are what made the lane slow.
const isNode = (command: unknown) => typeof command === "string" && (command === process.execPath || ["node", "tsx", "npx"].includes(path.basename(command)));
for (const name of ["spawn", "spawnSync", "execFile", "execFileSync", "exec", "execSync", "fork"] as const) {
  const original = childProcess[name] as (...args: unknown[]) => unknown;
  // exec and execSync take a shell command line: its first word is the program.
  const program = (command: unknown) => (name.startsWith("exec") && !name.startsWith("execFile") ? String(command).trim().split(/\s+/)[0] : command);
  const guarded = (...args: unknown[]) => (name === "fork" || isNode(program(args[0])) ? refuse("a Node.js process") : original(...args));
  // Keeps util.promisify.custom, so promisify(execFile) still resolves { stdout, stderr }.
  Object.defineProperties(guarded, Object.getOwnPropertyDescriptors(original));
  Object.assign(childProcess, { [name]: guarded });
}
syncBuiltinESMExports();
