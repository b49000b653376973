/**
 * `npm run load`: concurrent signed-in users against the production build
 * (the standalone server, as the image runs it) on PostgreSQL, over loopback
 * only, for a bounded time. Needs `npx next build` and PostgreSQL
 * (TEST_DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/test).
 *
 *   1. inventory: GET /api/namespaces (filters, sorts, pages) at LOAD_RATE
 *      (default 200 requests/s) for LOAD_SECONDS (30). Target on the 2-core
 *      development machine: p95 < 100 ms, no errors.
 *   2. mixed: LOAD_MIXED_RATE (default 50/s) across the inventory (50%),
 *      namespace pages (25%), the request list (15%), the request form's
 *      live preview (9%) and request submissions (1%; the local git
 *      provider: each makes a branch and a commit).
 *
 * Berth watches Berth's sample cluster (`berth sample-cluster`) for the live
 * cluster's namespaces, so a namespace page carries its live sections
 * (workloads, secrets wiring, events) as it does in production.
 *
 * Prints throughput, p50/p95/p99 and errors (no answer, or 5xx) and writes
 * .berth/load/results.json. Then checks no accepted request was lost: every
 * 201 is a row in the database.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { generateSampleRepo } from "../lib/environments/sample/generate-sample-repo";
import { namespaceRequestFixture } from "../lib/environments/testing/namespace-request-fixture";
import { drive, summarize, type Outcome, type Summary } from "./load/drive";
import { freePort } from "../lib/testing/free-port";
import { assertLoopback, sampleCluster, scratchPostgres, signIn, startServer } from "./load/server";

const root = path.resolve(".berth/load");
const NAMESPACES = Number(process.env.LOAD_NAMESPACES ?? 5000);
const RATE = Math.min(Number(process.env.LOAD_RATE ?? 200), 1000);
const SECONDS = Math.min(Number(process.env.LOAD_SECONDS ?? 30), 120);
const MIXED_RATE = Math.min(Number(process.env.LOAD_MIXED_RATE ?? 50), 1000);
const USERS = Math.min(Number(process.env.LOAD_USERS ?? 20), 100);
const LOGINS = ["alice-adeyemi", "bola-okafor", "chris-walsh", "dana-kowalski", "evan-price", "farah-iqbal"];
const TEAM = "hmpps-sre";
const INVENTORY_QUERIES = [
  "",
  "?q=prison",
  "?businessUnit=HMPPS&production=false",
  "?module=rds-instance&flag=lagging&sort=reviewAfter&dir=desc",
  "?sort=application&page=40",
  "?pageSize=500",
];

/** Waits until Berth's cache holds the sample cluster (a live namespace's status has its workloads), so every page measured has them. */
async function clusterSynced(origin: string, cookie: string, names: string[]): Promise<void> {
  const live = names.find((n) => n.startsWith("live/"));
  if (!live) throw new Error("no namespace of the live cluster among the first 500");
  const started = Date.now();
  for (;;) {
    const status = (await (await fetch(`${origin}/api/namespaces/${live}/status`, { headers: { cookie } })).json()) as { live?: unknown };
    if (status.live) return;
    if (Date.now() - started > 120_000) throw new Error(`Berth had not synced the sample cluster in 120 s: ${JSON.stringify(status).slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function table(rows: [string, Summary][]): void {
  console.log(
    `${"".padEnd(28)} ${"req/s".padStart(7)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"max ms".padStart(8)} ${"errors".padStart(7)}  statuses`,
  );
  for (const [name, s] of rows) {
    console.log(
      `${name.padEnd(28)} ${String(s.perSecond).padStart(7)} ${String(s.p50).padStart(8)} ${String(s.p95).padStart(8)} ${String(s.p99).padStart(8)} ${String(s.max).padStart(8)} ${String(s.errors).padStart(7)}  ${JSON.stringify(s.statuses)}`,
    );
  }
}

async function main(): Promise<void> {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const repo = path.join(root, "environments");
  console.log(`Generating a ${NAMESPACES}-namespace environments repository...`);
  await generateSampleRepo({ dir: repo, namespaces: NAMESPACES, seed: 42, now: new Date() });
  const database = await scratchPostgres("berth_load");
  const cluster = await sampleCluster(repo, path.join(root, "sample-cluster.kubeconfig"));
  console.log(cluster.summary);
  const server = await startServer(
    process.env.LOAD_PORT ? Number(process.env.LOAD_PORT) : await freePort(),
    {
      DATABASE_URL: database.url,
      BERTH_KUBECONFIG: cluster.kubeconfig,
      BERTH_ENVIRONMENTS_REPO: repo,
      BERTH_DATA_DIR: path.join(root, "data"),
      BERTH_INDEX_REFRESH_SECONDS: "15",
      BERTH_LOCAL_SIGNIN: "true",
      BERTH_DANGEROUSLY_ALLOW_LOCAL_SIGNIN_IN_PRODUCTION: "true",
      NEXTAUTH_SECRET: "load-test-secret-load-test-secret-load",
    },
    // e.g. LOAD_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server.
    (process.env.LOAD_NODE_ARGS ?? "").split(" ").filter(Boolean),
  );
  const origin = server.origin;
  assertLoopback(origin);
  try {
    const cookies: string[] = [];
    // Half the users are platform reviewers too: their namespace pages carry the full view (secrets, wiring, events).
    for (let u = 0; u < USERS; u++) cookies.push(await signIn(origin, LOGINS[u % LOGINS.length]!, u % 2 === 0 ? TEAM : `${TEAM},webops`));
    const first = (await (await fetch(`${origin}/api/namespaces?pageSize=500`, { headers: { cookie: cookies[0]! } })).json()) as {
      rows?: { cluster: string; name: string }[];
    };
    const names = (first.rows ?? []).map((n) => `${n.cluster}/${n.name}`);
    if (names.length === 0) throw new Error("the inventory API returned no namespaces");
    const get = (url: string, user: number) => fetch(`${origin}${url}`, { headers: { cookie: cookies[user % USERS]! } });
    const post = (url: string, user: number, body: unknown) =>
      fetch(`${origin}${url}`, {
        method: "POST",
        headers: { cookie: cookies[user % USERS]!, origin, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const done = async (kind: string, response: Promise<Response>) => {
      const r = await response;
      await r.arrayBuffer();
      return { kind, status: r.status };
    };
    await clusterSynced(origin, cookies[0]!, names);
    // Warm-up: a new server loads and compiles each route's code on its first request (the first namespace page takes
    // ~300 ms, and the pages queued behind it as long); one request of each kind measures the server warm, as it runs.
    for (const q of INVENTORY_QUERIES) await get(`/api/namespaces${q}`, 0).then((r) => r.arrayBuffer());
    for (const user of [0, 1]) await get(`/namespaces/${names[user]}`, user).then((r) => r.arrayBuffer());
    await get("/api/requests", 0).then((r) => r.arrayBuffer());
    await post("/api/requests/preview", 0, namespaceRequestFixture({ name: "load-warm-up", team: TEAM })).then((r) => r.arrayBuffer());

    console.log(`\nPhase 1: inventory API, ${RATE} requests/s for ${SECONDS} s, ${USERS} users`);
    const inventory = await drive({
      ratePerSecond: RATE,
      durationMs: SECONDS * 1000,
      send: (i) => done("inventory", get(`/api/namespaces${INVENTORY_QUERIES[i % INVENTORY_QUERIES.length]}`, i)),
    });

    const mixedRate = MIXED_RATE;
    console.log(`Phase 2: mixed, ${mixedRate} requests/s for ${SECONDS} s`);
    const run = Date.now().toString(36);
    const accepted: string[] = [];
    let submitted = 0;
    const mixed = await drive({
      ratePerSecond: mixedRate,
      durationMs: SECONDS * 1000,
      send: async (i) => {
        // Note: one submission in a hundred requests is still far more than a platform sees (a few a day); each writes a branch and a commit.
        const pick = i % 100;
        if (pick < 50) return done("inventory", get(`/api/namespaces${INVENTORY_QUERIES[i % INVENTORY_QUERIES.length]}`, i));
        if (pick < 75) return done("namespace page", get(`/namespaces/${names[i % names.length]}`, i));
        if (pick < 90) return done("request list", get("/api/requests", i));
        const answers = namespaceRequestFixture({ name: `load-${run}-${submitted++}`, team: TEAM });
        if (pick < 99) return done("request preview", post("/api/requests/preview", i, answers));
        const response = await post("/api/requests", i, answers);
        const body = (await response.json().catch(() => ({}))) as { id?: string };
        if (response.status === 201 && body.id) accepted.push(body.id);
        return { kind: "request submit", status: response.status };
      },
    });

    // Nothing accepted is lost: every 201 is a stored request.
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const stored = await client.query<{ id: string }>("SELECT id FROM requests WHERE id = ANY($1)", [accepted]);
    await client.end();
    const lost = accepted.length - stored.rowCount!;

    const byKind = (outcomes: Outcome[], wallMs: number) => {
      const kinds = [...new Set(outcomes.map((o) => o.kind))].sort();
      return kinds.map(
        (k) =>
          [
            `  ${k}`,
            summarize(
              outcomes.filter((o) => o.kind === k),
              wallMs,
            ),
          ] as [string, Summary],
      );
    };
    const results = {
      date: new Date().toISOString(),
      namespaces: NAMESPACES,
      users: USERS,
      seconds: SECONDS,
      inventory: summarize(inventory.outcomes, inventory.wallMs),
      mixed: summarize(mixed.outcomes, mixed.wallMs),
      mixedByKind: Object.fromEntries(byKind(mixed.outcomes, mixed.wallMs).map(([k, s]) => [k.trim(), s])),
      submissions: { accepted: accepted.length, stored: stored.rowCount, lost },
    };
    writeFileSync(path.join(root, "results.json"), JSON.stringify(results, null, 2));
    console.log(`\nBerth load test, ${NAMESPACES} namespaces, ${USERS} signed-in users, PostgreSQL (${results.date})\n`);
    table([[`inventory API @ ${RATE}/s`, results.inventory], [`mixed @ ${mixedRate}/s`, results.mixed], ...byKind(mixed.outcomes, mixed.wallMs)]);
    console.log(`\nrequests submitted and accepted (201): ${accepted.length}, stored: ${stored.rowCount}, lost: ${lost}`);
    const target = results.inventory.p95 < 100 && results.inventory.errors === 0 && results.inventory.perSecond >= RATE * 0.95;
    console.log(`target (inventory ${RATE}/s, p95 < 100 ms, no errors): ${target ? "met" : "NOT met"}`);
    console.log(`details: ${path.relative(process.cwd(), path.join(root, "results.json"))}`);
    if (lost > 0 || results.mixed.errors > 0 || results.inventory.errors > 0) process.exitCode = 1;
  } finally {
    writeFileSync(path.join(root, "server.log"), server.output());
    await server.stop();
    await cluster.stop();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
