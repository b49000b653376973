import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".berth/**", "node_modules/**", "next-env.d.ts", "lib/db/generated/**", "test-results/**", "playwright-report/**"]),
]);
