import { configDefaults, defineConfig } from "vitest/config";
import path from "node:path";

/**
 * Test files that need servers or processes (PostgreSQL or PGlite, the kube-apiserver, a spawned Berth, CLI or sample
 * cluster, the fake GitHub): the "integration" project. Every other test is in the "fast" project
 * (`npm run test:fast`), whose setup file (lib/testing/no-servers.ts) refuses to listen, connect, open PGlite or start
 * a Node.js process, so a test that needs one and is missing here fails there. `vitest run` runs both.
 */
const SERVER_TESTS = [
  // a database: PostgreSQL or the embedded PGlite
  "lib/db/create-db.test.ts",
  "lib/db/database-unavailable.test.ts",
  "lib/db/lock.test.ts",
  "lib/db/request-enums-migration.test.ts",
  "lib/db/request-kind-edit-migration.test.ts",
  "lib/git/github-provider-deletions.test.ts",
  "lib/server/requests/reapply-edit-github.test.ts",
  "lib/server/requests/prototype-requests.test.ts",
  "lib/server/requests/prototype-follow-github.test.ts",
  "lib/git/github-team-exists.test.ts",
  "lib/db/migrate-database.test.ts",
  "lib/auth/sessions.test.ts",
  "lib/server/leases/leases.test.ts",
  "lib/server/requests/mark-applied-requests.test.ts",
  "lib/server/requests/request-lifecycle.test.ts",
  "lib/server/requests/resource-requests.test.ts",
  "lib/server/requests/resume-stalled-requests.test.ts",
  "lib/server/requests/webhook-replicas.test.ts",
  "scripts/prisma-schema-engine.test.ts",
  "lib/db/request-enums-migration.test.ts",
  "lib/db/migrate-database.test.ts",
  "lib/server/prune-expired-rows.test.ts",
  "lib/server/campaigns/run-campaigns.test.ts",
  "lib/server/campaigns/campaigns-github.test.ts",
  "lib/server/campaigns/create-campaign.test.ts",
  "lib/server/campaigns/campaigns-local.test.ts",
  // the kube-apiserver, Berth's sample API server, or a spawned server
  "lib/clusters/watch-cluster.integration.test.ts",
  "lib/server/read-pod-logs.integration.test.ts",
  "lib/clusters/sample/client-node-compat.test.ts",
  "lib/clusters/sample/control-api.test.ts",
  "lib/clusters/sample/start-sample-api-server.test.ts",
  "lib/clusters/sample/serve-logs.test.ts",
  "lib/clusters/pod-logs.test.ts",
  "lib/clusters/sample/apply-pipeline.test.ts",
  "lib/cli/sample-cluster.test.ts",
  "deploy/manifests-server.test.ts",
  // Berth's CLI in a child Node.js process
  "lib/cli/inventory.test.ts",
  "lib/cli/render-namespace.test.ts",
  "lib/cli/render-resource.test.ts",
  "lib/cli/edit.test.ts",
  // HTTP servers: the fake GitHub, a stub GitHub API
  "e2e/fakes/github/control-api.test.ts",
  "e2e/fakes/github/main.test.ts",
  "e2e/fakes/github/oauth-flow.test.ts",
  "e2e/fakes/github/repo-flow.test.ts",
  "e2e/fakes/github/more-repos.test.ts",
  "e2e/fakes/github/rest-operations.test.ts",
  "e2e/fakes/github/violation-path.test.ts",
  "e2e/fakes/github/app-flow.test.ts",
  "lib/git/create-octokit.test.ts",
  "lib/server/notifications/slack-notifier.test.ts",
  "lib/git/github-cost.test.ts",
  "lib/server/github-cost-services.test.ts",
  "lib/server/github-app-bot.test.ts",
  "lib/server/client-address.test.ts",
  "lib/server/repair-incoming-request.test.ts",
];

// Note: each project names its files; an include at the top would be added to both (extends: true concatenates).
const TESTS = ["lib/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.ts", "e2e/fakes/**/*.test.ts", "deploy/**/*.test.ts"];

export default defineConfig({
  // Note: "server-only" throws outside React's server condition; tests run on Node, as the server does.
  resolve: { alias: { "@": path.resolve(__dirname), "server-only": path.resolve(__dirname, "node_modules/server-only/empty.js") } },
  test: {
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: "fast", include: TESTS, exclude: [...configDefaults.exclude, ...SERVER_TESTS], setupFiles: ["lib/testing/no-servers.ts"] },
      },
      { extends: true, test: { name: "integration", include: SERVER_TESTS } },
    ],
  },
});
