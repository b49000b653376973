import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import importX from "eslint-plugin-import-x";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";

/** Patterns that name a folder however it is imported: by alias or by a relative path. */
const folder = (...names) => names.flatMap((name) => [`@/${name}`, `@/${name}/**`, `**/${name}`, `**/${name}/**`]);

/** Imports a layer may not make (../shared/STYLE.md): app -> lib/server -> lib/{environments,git,clusters,auth} -> lib/{db,env,errors,log}. */
const layer = (files, forbidden, message, extra = {}) => ({
  files,
  ignores: ["**/*.test.ts"],
  rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [{ group: forbidden, message, ...extra }] }] },
});

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "import-x": importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      "import-x/resolver": undefined,
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.json" })],
    },
    // Note: no two files import each other, even through others (types included: a type circle is a design circle).
    rules: { "import-x/no-cycle": ["error", { ignoreExternal: true }] },
  },
  layer(
    ["lib/environments/**", "lib/git/**", "lib/clusters/**", "lib/auth/**"],
    [...folder("lib/server", "app", "components", "lib/cli"), "next", "next/**", "react", "react-dom"],
    "A domain module knows nothing of lib/server, app, components, the CLI, Next or React: pass what it needs in.",
  ),
  layer(
    ["lib/db/**", "lib/env.ts", "lib/errors.ts", "lib/log.ts"],
    folder("lib/server", "app", "components", "lib/cli", "lib/environments", "lib/git", "lib/clusters", "lib/auth"),
    "lib/db, lib/env, lib/errors and lib/log are the bottom layer: they import no other part of Berth.",
  ),
  layer(["lib/server/**"], folder("app", "components", "lib/cli"), "lib/server serves app; it never imports app, components or the CLI."),
  layer(["components/**"], folder("lib/server", "lib/db"), "Components have no data access: take data as props (types may be imported).", {
    allowTypeImports: true,
  }),
  globalIgnores([".next/**", ".berth/**", "node_modules/**", "next-env.d.ts", "lib/db/generated/**", "test-results/**", "playwright-report/**"]),
]);
