/**
 * Starts the fake GitHub for the e2e suite with its environments repository:
 * a bare git repository made from a generated sample, which Berth's
 * pull-request server clones over smart HTTP and opens pull requests against.
 */
import { execFileSync } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { generateSampleRepo } from "../lib/environments/sample/generate-sample-repo";
import { startFakeGitHub } from "./fakes/github/start-fake-github";
import { E2E_ROOT } from "./fixtures/paths";
import { seedRepo } from "../lib/testing/fake-github-repo";
import { BOT_APP, ENVIRONMENTS_REPO, FAKE_GITHUB_PORT, OAUTH_CLIENT, ORG, PROTOTYPE_REPO, UPSTREAM_REPO, WITHDRAWN_PROTOTYPE_REPO } from "./fixtures/servers";

async function main(): Promise<void> {
  const work = path.join(E2E_ROOT, "upstream-work");
  rmSync(work, { recursive: true, force: true });
  rmSync(UPSTREAM_REPO, { recursive: true, force: true });
  await generateSampleRepo({ dir: work, namespaces: 120, seed: 11, now: new Date(), checkout: false });
  execFileSync("git", ["clone", "--quiet", "--bare", work, UPSTREAM_REPO]);
  // Prototypes' own repositories, for the deployment pull request of a prototype site's request.
  const prototypes = [PROTOTYPE_REPO, WITHDRAWN_PROTOTYPE_REPO];
  for (const name of prototypes) {
    for (const suffix of [".git", "-seed"]) rmSync(path.join(E2E_ROOT, `${name}${suffix}`), { recursive: true, force: true });
    seedRepo(E2E_ROOT, name);
  }
  // Written before the fake answers: the pull-request server reads it once the fake is up.
  const keys = generateKeyPairSync("rsa", { modulusLength: 2048 });
  mkdirSync(path.dirname(BOT_APP.privateKeyFile), { recursive: true });
  writeFileSync(BOT_APP.privateKeyFile, keys.privateKey.export({ type: "pkcs1", format: "pem" }), { mode: 0o600 });
  const fake = await startFakeGitHub({
    port: FAKE_GITHUB_PORT,
    org: ORG,
    apiPrefix: "/api/v3",
    clientId: OAUTH_CLIENT.id,
    clientSecret: OAUTH_CLIENT.secret,
    repo: { owner: ORG, name: ENVIRONMENTS_REPO, bareRepoPath: UPSTREAM_REPO },
    moreRepos: prototypes.map((name) => ({ owner: ORG, name, bareRepoPath: path.join(E2E_ROOT, `${name}.git`) })),
    app: {
      id: BOT_APP.id,
      installationId: BOT_APP.installationId,
      publicKey: keys.publicKey.export({ type: "spki", format: "pem" }).toString(),
      tokenLifetimeSeconds: BOT_APP.tokenLifetimeSeconds,
    },
  });
  console.log(`fake github listening on ${fake.url}`);
  const stop = () => void fake.close().finally(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
