import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  // Note: "server-only" throws outside React's server condition; tests run on Node, as the server does.
  resolve: { alias: { "@": path.resolve(__dirname), "server-only": path.resolve(__dirname, "node_modules/server-only/empty.js") } },
  test: {
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.ts", "e2e/fakes/**/*.test.ts", "deploy/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
