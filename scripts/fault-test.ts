/**
 * `npm run fault`: Berth (the standalone production build, PostgreSQL, the
 * GitHub provider against the fake GitHub) under steady load from signed-in
 * users while its dependencies fail, one at a time:
 *
 *   1. PostgreSQL restarts (pg_ctlcluster restart of the local server).
 *   2. GitHub answers 500 to every repository call for FAULT_SECONDS.
 *   3. GitHub answers every repository call FAULT_DELAY_MS late.
 *   4. The cluster API goes away: Berth's sample API server (the cluster
 *      BERTH_KUBECONFIG names) drops every connection for FAULT_SECONDS.
 *
 * Throughout, a user submits a namespace request every second. A submission
 * answered 201 is "accepted"; one refused (5xx) is re-sent after the fault
 * with the same name, as a user would. At the end every accepted request must
 * be stored and have its pull request open (failed ones are retried through
 * the API, as the Retry button does): nothing lost. Reports errors per phase
 * and recovery time (until /api/ready and a database-backed call answer
 * again). Loopback only; PostgreSQL is running again at the end whatever
 * happens. Needs `npx next build` and root (pg_ctlcluster).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { generateSampleObjects } from "../lib/clusters/sample/generate-sample-objects";
import { sampleKubeconfig } from "../lib/clusters/sample/sample-kubeconfig";
import { startSampleApiServer } from "../lib/clusters/sample/start-sample-api-server";
import { buildIndex } from "../lib/environments/repository/build-index";
import { cloudPlatformProfile } from "../lib/environments/profile/profile";
import { generateSampleRepo } from "../lib/environments/sample/generate-sample-repo";
import { namespaceRequestFixture } from "../lib/environments/testing/namespace-request-fixture";
import { controlClient } from "../e2e/fakes/github/control-client";
import { startFakeGitHub } from "../e2e/fakes/github/start-fake-github";
import { assertLoopback, scratchPostgres, signIn, startServer } from "./load/server";
import { freePort } from "../lib/testing/free-port";

const root = path.resolve(".berth/fault");
const FAULT_SECONDS = Math.min(Number(process.env.FAULT_SECONDS ?? 10), 60);
const FAULT_DELAY_MS = Math.min(Number(process.env.FAULT_DELAY_MS ?? 3000), 20_000);
const ORG = "ministryofjustice";
const REPO = "cloud-platform-environments";
const TEAM = "hmpps-sre";
const WEBHOOK_SECRET = "fault-test-webhook-secret";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const now = () => performance.now();

/** The local PostgreSQL cluster (Debian's pg_ctlcluster), e.g. ["15", "main"]. */
function postgresCluster(): [string, string] {
  const version = readdirSync("/etc/postgresql").sort().at(-1);
  if (!version) throw new Error("no PostgreSQL cluster in /etc/postgresql");
  return [version, "main"];
}
function pgctl(action: "restart" | "start" | "status"): string {
  return execFileSync("pg_ctlcluster", ["--skip-systemctl-redirect", ...postgresCluster(), action], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}
function ensurePostgresRunning(): void {
  try {
    pgctl("status");
  } catch {
    pgctl("start");
  }
}

interface PhaseReport {
  phase: string;
  requests: number;
  errors: number;
  /** The slowest submission answered during the phase. */
  slowestSubmitMs: number;
  /** Seconds from the end of the fault until /api/ready answered 200 again (0: it never stopped). */
  readyAgainSeconds: number;
  /** Seconds from the end of the fault until a database-backed call and a submission succeeded again. */
  recoveredSeconds: number;
  notes: string[];
}

async function main(): Promise<void> {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });

  // The fake GitHub with a bare environments repository, as the e2e suite starts it.
  const work = path.join(root, "upstream-work");
  const bare = path.join(root, "upstream.git");
  await generateSampleRepo({ dir: work, namespaces: 300, seed: 13, now: new Date(), checkout: false });
  execFileSync("git", ["clone", "--quiet", "--bare", work, bare]);
  const fake = await startFakeGitHub({
    org: ORG,
    apiPrefix: "/api/v3",
    clientId: "berth-fault",
    clientSecret: "berth-fault-secret",
    repo: { owner: ORG, name: REPO, bareRepoPath: bare },
  });
  assertLoopback(fake.url);
  const github = controlClient(fake.url);
  await github.putUser({ login: "berth-bot", name: "Berth bot", teams: [], orgMember: true });
  await github.putUser({ login: "platform-reviewer", name: "Platform reviewer", teams: ["webops"], orgMember: true });
  const botToken = await github.token("berth-bot", ["repo", "read:org"]);

  const port = await freePort();
  await github.setWebhook(`http://127.0.0.1:${port}/api/webhooks/github`, WEBHOOK_SECRET);
  // The cluster the repository's "live" namespaces run on: Berth's sample API server, whose outage control drops every connection.
  const index = await buildIndex({ repoPath: bare, profile: cloudPlatformProfile });
  const liveNamespaces = [...index.namespaces.values()].filter((ns) => ns.cluster === "live");
  const { objects } = generateSampleObjects({
    namespaces: liveNamespaces.map((ns) => ({ name: ns.name, production: ns.isProduction, team: ns.teams[0] })),
    seed: 13,
    now: new Date(),
  });
  const cluster = await startSampleApiServer({ objects, token: "fault-test-cluster-token" });
  assertLoopback(cluster.url);
  const kubeconfig = path.join(root, "cluster.kubeconfig");
  writeFileSync(kubeconfig, sampleKubeconfig({ url: cluster.url, token: "fault-test-cluster-token", context: "live" }), { mode: 0o600 });
  const probeNamespace = liveNamespaces[0]!.name;

  ensurePostgresRunning();
  const database = await scratchPostgres("berth_fault");
  const server = await startServer(port, {
    DATABASE_URL: database.url,
    BERTH_DATA_DIR: path.join(root, "data"),
    BERTH_ENVIRONMENTS_REPO: path.join(root, "data/environments"),
    BERTH_GIT_PROVIDER: "github",
    GITHUB_API_URL: `${fake.url}/api/v3`,
    GITHUB_WEB_URL: fake.url,
    GITHUB_ORG: ORG,
    GITHUB_ENVIRONMENTS_REPO: `${ORG}/${REPO}`,
    GITHUB_BOT_TOKEN: botToken,
    GITHUB_WEBHOOK_SECRET: WEBHOOK_SECRET,
    GITHUB_REVIEW_SCOPE: "repo",
    BERTH_POLL_SECONDS: "5",
    BERTH_LOCAL_SIGNIN: "true",
    BERTH_DANGEROUSLY_ALLOW_LOCAL_SIGNIN_IN_PRODUCTION: "true",
    NEXTAUTH_SECRET: "fault-test-secret-fault-test-secret-xx",
    BERTH_KUBECONFIG: kubeconfig,
  });
  const origin = server.origin;
  assertLoopback(origin);

  const reports: PhaseReport[] = [];
  const accepted = new Map<string, string>(); // name -> request id
  const refused = new Set<string>(); // names whose submission got no 201 (re-sent later)
  let stopping = false;
  try {
    const users = await Promise.all(
      Array.from({ length: 5 }, (_, i) => signIn(origin, ["alice-adeyemi", "bola-okafor", "chris-walsh", "evan-price", "farah-iqbal"][i]!, TEAM)),
    );
    const submitter = users[0]!;
    const run = Date.now().toString(36);
    let serial = 0;
    let window: { requests: number; errors: number; slowestSubmitMs: number } = { requests: 0, errors: 0, slowestSubmitMs: 0 };

    const submit = async (name: string): Promise<number> => {
      const response = await fetch(`${origin}/api/requests`, {
        method: "POST",
        headers: { cookie: submitter, origin, "content-type": "application/json" },
        body: JSON.stringify(namespaceRequestFixture({ name, team: TEAM })),
        signal: AbortSignal.timeout(60_000),
      }).catch(() => null);
      const status = response?.status ?? 0;
      const body = (await response?.json().catch(() => ({}))) as { id?: string; error?: { code?: string } } | undefined;
      if (status === 201 && body?.id) {
        accepted.set(name, body.id);
        refused.delete(name);
      } else if (status === 409 || status === 422) {
        // Already there: an earlier attempt was stored although its answer was lost.
        refused.delete(name);
        accepted.set(name, "(earlier attempt)");
      } else {
        refused.add(name);
      }
      return status;
    };

    // Background load: signed-in users reading the inventory and their requests (~20/s), and one submission a second.
    const background = (async () => {
      const reads = ["/api/namespaces", "/api/namespaces?q=prison", "/api/requests", "/api/namespaces?businessUnit=HMPPS"];
      let i = 0;
      while (!stopping) {
        const started = now();
        const batch = users.map((cookie, u) =>
          fetch(`${origin}${reads[(i + u) % reads.length]}`, { headers: { cookie }, signal: AbortSignal.timeout(30_000) })
            .then(async (r) => (await r.arrayBuffer(), r.status))
            .catch(() => 0),
        );
        const statuses = await Promise.all(batch);
        window.requests += statuses.length;
        window.errors += statuses.filter((s) => s === 0 || s >= 500).length;
        i++;
        await sleep(Math.max(0, 250 - (now() - started)));
      }
    })();
    const submissions = (async () => {
      while (!stopping) {
        const started = now();
        const status = await submit(`fault-${run}-${serial++}`);
        window.slowestSubmitMs = Math.max(window.slowestSubmitMs, Math.round(now() - started));
        window.requests++;
        if (status === 0 || status >= 500) window.errors++;
        await sleep(Math.max(0, 1000 - (now() - started)));
      }
    })();

    const ready = () =>
      fetch(`${origin}/api/ready`, { signal: AbortSignal.timeout(5000) }).then(
        (r) => r.status === 200,
        () => false,
      );
    const dbBacked = () =>
      fetch(`${origin}/api/requests`, { headers: { cookie: users[1]! }, signal: AbortSignal.timeout(5000) }).then(
        (r) => r.status === 200,
        () => false,
      );
    async function phase(name: string, fault: () => Promise<void>, notes: () => string[] = () => []): Promise<void> {
      console.log(`\nPhase: ${name}`);
      window = { requests: 0, errors: 0, slowestSubmitMs: 0 };
      const acceptedBefore = accepted.size;
      await fault();
      const faultEnded = now();
      let readyAt: number | null = (await ready()) ? faultEnded : null;
      let recoveredAt: number | null = null;
      while (now() - faultEnded < 120_000 && (readyAt === null || recoveredAt === null)) {
        if (readyAt === null && (await ready())) readyAt = now();
        if (recoveredAt === null && (await dbBacked()) && accepted.size > acceptedBefore) recoveredAt = now();
        await sleep(100);
      }
      await sleep(3000);
      const report: PhaseReport = {
        phase: name,
        requests: window.requests,
        errors: window.errors,
        slowestSubmitMs: window.slowestSubmitMs,
        readyAgainSeconds: readyAt === null ? -1 : Math.round((readyAt - faultEnded) / 100) / 10,
        recoveredSeconds: recoveredAt === null ? -1 : Math.round((recoveredAt - faultEnded) / 100) / 10,
        notes: notes(),
      };
      reports.push(report);
      console.log(`  ${JSON.stringify(report)}`);
    }

    await phase("baseline", () => sleep(FAULT_SECONDS * 1000));

    await phase("PostgreSQL restarted", async () => {
      await sleep(2000);
      const t = now();
      pgctl("restart");
      console.log(`  pg_ctlcluster restart took ${((now() - t) / 1000).toFixed(1)} s`);
    });

    await phase(`GitHub answers 500 for ${FAULT_SECONDS} s`, async () => {
      await github.failNext({ method: "*", pathPattern: "^/repos/", status: 500, times: 100_000 });
      await sleep(FAULT_SECONDS * 1000);
      await github.clearInjections();
    });

    await phase(`GitHub answers ${FAULT_DELAY_MS} ms late for ${FAULT_SECONDS} s`, async () => {
      await github.slowNext({ method: "*", pathPattern: "^/repos/", delayMs: FAULT_DELAY_MS, times: 100_000 });
      await sleep(FAULT_SECONDS * 1000);
      await github.clearInjections();
    });

    const clusterState = () =>
      fetch(`${origin}/api/ready`, { signal: AbortSignal.timeout(5000) })
        .then(async (r) => ({ status: r.status, state: ((await r.json()) as { clusters: { state: string }[] }).clusters[0]?.state ?? "none" }))
        .catch(() => ({ status: 0, state: "none" }));
    const livePage = () =>
      fetch(`${origin}/namespaces/live/${probeNamespace}`, { headers: { cookie: users[2]! }, signal: AbortSignal.timeout(10_000) }).then(
        (r) => r.status,
        () => 0,
      );
    const clusterNotes: string[] = [];
    await phase(
      `cluster API away for ${FAULT_SECONDS} s`,
      async () => {
        if ((await clusterState()).state !== "synced") throw new Error("the cluster was not synced before its outage");
        const started = now();
        cluster.controls.setOutage(true);
        let seenUnreachable: number | null = null;
        let notReady = 0;
        let pageErrors = 0;
        while (now() - started < FAULT_SECONDS * 1000) {
          const [ready, page] = await Promise.all([clusterState(), livePage()]);
          if (ready.status !== 200) notReady++;
          if (page !== 200) pageErrors++;
          if (seenUnreachable === null && ready.state === "unreachable") seenUnreachable = now();
          await sleep(250);
        }
        cluster.controls.setOutage(false);
        const ended = now();
        let synced: number | null = null;
        while (synced === null && now() - ended < 120_000) {
          if ((await clusterState()).state === "synced") synced = now();
          else await sleep(100);
        }
        const seconds = (at: number | null, from: number) => (at === null ? "never" : `${((at - from) / 1000).toFixed(1)} s`);
        clusterNotes.push(
          `shown unreachable after ${seconds(seenUnreachable, started)}; /api/ready answered non-200 ${notReady} times and the namespace page failed ${pageErrors} times during the outage; synced again ${seconds(synced, ended)} after it ended`,
        );
        if (seenUnreachable === null || synced === null || notReady > 0 || pageErrors > 0) process.exitCode = 1;
      },
      () => clusterNotes,
    );

    stopping = true;
    await Promise.all([background, submissions]);

    // Re-send what was refused (a user would), then retry failed requests (the Retry button), then wait for every pull request.
    for (const name of [...refused]) await submit(name);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const ids = [...accepted.values()].filter((id) => id !== "(earlier attempt)");
    const names = [...accepted.keys()];
    let states: { namespace: string; state: string; id: string }[] = [];
    const deadline = now() + 90_000;
    for (;;) {
      states = (
        await client.query<{ namespace: string; state: string; id: string }>("SELECT namespace, state, id FROM requests WHERE namespace = ANY($1)", [names])
      ).rows;
      const failed = states.filter((s) => s.state === "failed");
      for (const f of failed) {
        await fetch(`${origin}/api/requests/${f.id}/retry`, {
          method: "POST",
          headers: { cookie: submitter, origin, "content-type": "application/json" },
          body: "{}",
        }).catch(() => undefined);
      }
      const open = states.filter((s) => s.state === "pr_open").length;
      if ((open === names.length && states.length === names.length) || now() > deadline) break;
      await sleep(2000);
    }
    const failedOnce = (await client.query<{ n: string }>("SELECT count(DISTINCT request_id) AS n FROM request_events WHERE to_state = 'failed'")).rows[0]!.n;
    await client.end();
    const byState: Record<string, number> = {};
    for (const s of states) byState[s.state] = (byState[s.state] ?? 0) + 1;
    const stored = new Set(states.map((s) => s.namespace));
    const lost = names.filter((n) => !stored.has(n));
    const pulls = states.filter((s) => s.state === "pr_open").length;
    const summary = {
      date: new Date().toISOString(),
      phases: reports,
      submissions: {
        sent: serial,
        accepted: names.length,
        acceptedIds: ids.length,
        refusedThenResent: refused.size,
        stored: stored.size,
        lost: lost.length,
        byState,
        withPullRequestOpen: pulls,
        failedThenRetried: Number(failedOnce),
      },
    };
    writeFileSync(path.join(root, "results.json"), JSON.stringify(summary, null, 2));

    console.log(`\nBerth fault test (${summary.date})\n`);
    console.log(
      `${"phase".padEnd(40)} ${"requests".padStart(8)} ${"errors".padStart(7)} ${"slowest submit ms".padStart(18)} ${"ready again s".padStart(14)} ${"recovered s".padStart(12)}`,
    );
    for (const r of reports) {
      console.log(
        `${r.phase.padEnd(40)} ${String(r.requests).padStart(8)} ${String(r.errors).padStart(7)} ${String(r.slowestSubmitMs).padStart(18)} ${String(r.readyAgainSeconds).padStart(14)} ${String(r.recoveredSeconds).padStart(12)}`,
      );
    }
    for (const r of reports) for (const note of r.notes) console.log(`  note (${r.phase}): ${note}`);
    console.log(
      `\nsubmissions: ${serial} sent, ${names.length} accepted (after re-sending refused ones), ${stored.size} stored, lost: ${lost.length}; states ${JSON.stringify(byState)}; ${failedOnce} failed while GitHub did and were retried`,
    );
    console.log(`details: ${path.relative(process.cwd(), path.join(root, "results.json"))}`);
    if (lost.length > 0 || pulls !== names.length) process.exitCode = 1;
  } finally {
    stopping = true;
    ensurePostgresRunning();
    writeFileSync(path.join(root, "server.log"), server.output());
    await server.stop();
    await fake.close();
    await cluster.close();
    await database.drop().catch(() => undefined);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  try {
    ensurePostgresRunning();
  } catch {
    // Reported above; nothing more to do.
  }
  process.exit(1);
});
