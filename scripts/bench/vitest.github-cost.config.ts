import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(__dirname, "../..");

/** Only the GitHub cost worker of `npm run bench`, with the aliases the tests use. */
export default defineConfig({
  root,
  resolve: { alias: { "@": root, "server-only": path.join(root, "node_modules/server-only/empty.js") } },
  test: { include: ["scripts/bench/github-cost-worker.ts"], testTimeout: 3_600_000, hookTimeout: 600_000 },
});
