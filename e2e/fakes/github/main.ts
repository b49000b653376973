/**
 * Runs the fake GitHub as its own process, for Playwright's webServer:
 *
 *   tsx e2e/fakes/github/main.ts --port 3108 --org ministryofjustice \
 *     --api-prefix /api/v3 --client-id x --client-secret y \
 *     [--repo-owner ministryofjustice --repo-name environments --bare-repo /tmp/environments.git]
 */
import { parseArgs } from "node:util";
import { startFakeGitHub } from "./start-fake-github";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "0" },
      org: { type: "string" },
      "api-prefix": { type: "string", default: "" },
      "client-id": { type: "string" },
      "client-secret": { type: "string" },
      "repo-owner": { type: "string" },
      "repo-name": { type: "string" },
      "bare-repo": { type: "string" },
    },
  });
  const { org, "client-id": clientId, "client-secret": clientSecret } = values;
  if (!org || !clientId || !clientSecret) throw new Error("--org, --client-id and --client-secret are required");
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0) throw new Error(`--port must be a port number, not ${values.port}`);

  const { "repo-owner": owner, "repo-name": name, "bare-repo": bareRepoPath } = values;
  const repoFlags = [owner, name, bareRepoPath].filter((value) => value !== undefined).length;
  if (repoFlags !== 0 && repoFlags !== 3) throw new Error("--repo-owner, --repo-name and --bare-repo go together");
  const repo = owner && name && bareRepoPath ? { owner, name, bareRepoPath } : undefined;

  const fake = await startFakeGitHub({ port, org, apiPrefix: values["api-prefix"], clientId, clientSecret, repo });
  console.log(`fake github listening on ${fake.url}`);
  const stop = () => void fake.close().finally(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
