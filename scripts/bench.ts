/**
 * `npm run bench`: Berth's speed and memory targets, measured on a generated
 * 5,000-namespace environments repository. Prints a table and writes
 * .berth/bench/results.json. Timed tests are not used for this: numbers on a
 * shared machine vary, so they are reported, not asserted.
 *
 *   cold index            < 3 s        incremental re-index (1 namespace)  < 100 ms
 *   inventory API median  < 50 ms      server RSS with the index           < 300 MB
 *
 * and the cluster cache with 2,000 namespaces, 10,000 deployments and 50,000 pods:
 *   namespace status API median < 20 ms   cache memory < 500 MB   watch event applied < 1 ms
 * and editing one block of a 2,000-line .tf file < 50 ms (`npm run bench -- edit` runs only that),
 * and the edit preview API median < 100 ms (`npm run bench -- preview` runs only that),
 * and a campaign's preview of a module bump over the repository < 5 s (`npm run bench -- campaign`).
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { migrateDatabase } from "../lib/db/migrate-database";
import { freePort } from "../lib/testing/free-port";
import { generateSampleRepo } from "../lib/environments/sample/generate-sample-repo";
import { pullRequestBench } from "./bench/pull-request-bench";
import { githubCostBench, githubCostRows } from "./bench/github-cost-bench";
import { clusterBench, clusterRows } from "./bench/cluster-bench";
import { logBench, logRows } from "./bench/log-bench";
import { editBench, editRows } from "./bench/edit-bench";
import { editPreviewBench, editPreviewRows, type EditPreviewResult } from "./bench/edit-preview-bench";
import { campaignBench, campaignRows } from "./bench/campaign-bench";
import { signIn } from "./load/server";
import { rssMb, summarize } from "./bench/stats";

const root = path.resolve(".berth/bench");
const repo = path.join(root, "environments");
const NAMESPACES = Number(process.env.BENCH_NAMESPACES ?? 5000);

async function generate(): Promise<number> {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const t = performance.now();
  await generateSampleRepo({ dir: repo, namespaces: NAMESPACES, seed: 42, checkout: false, now: new Date() });
  return performance.now() - t;
}

function indexWorker(): Record<string, unknown> {
  const out = execFileSync(process.execPath, ["--expose-gc", "--import", "tsx", "scripts/bench/index-worker.ts", repo], {
    encoding: "utf8",
    maxBuffer: 1 << 24,
  });
  return JSON.parse(out.trim().split("\n").at(-1)!);
}

/** A scratch PostgreSQL database for the server bench, migrated; null when no server answers. */
async function scratchPostgres(): Promise<string | null> {
  const admin = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
  const client = new pg.Client({ connectionString: admin });
  try {
    await client.connect();
    await client.query("DROP DATABASE IF EXISTS berth_bench");
    await client.query("CREATE DATABASE berth_bench");
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
  const url = new URL(admin);
  url.pathname = "/berth_bench";
  await migrateDatabase({ DATABASE_URL: url.toString(), dataDir: path.join(root, "data") });
  return url.toString();
}

type HttpResult = { apiMs: ReturnType<typeof summarize>; serverRssMb: number };
type Berth = { origin: string; pid: number; stop(): void };

/** The production build with the bench repository, signed-in ready; resolves once start-up has indexed. */
async function startBerth(databaseUrl: string | null, name: string, extraEnv: Record<string, string> = {}): Promise<Berth> {
  const port = await freePort();
  const server = spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      BERTH_ENVIRONMENTS_REPO: repo,
      BERTH_DATA_DIR: path.join(root, `data-${name}`),
      BERTH_INDEX_REFRESH_SECONDS: "3600",
      DATABASE_URL: databaseUrl ?? "",
      // The API needs a signed-in user: the bench signs in as a sample user.
      BERTH_LOCAL_SIGNIN: "true",
      BERTH_DANGEROUSLY_ALLOW_LOCAL_SIGNIN_IN_PRODUCTION: "true",
      NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret",
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  // Ready once start-up has indexed the repository (it logs that line).
  await new Promise<void>((resolve, reject) => {
    let log = "";
    server.stdout!.on("data", (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes("Berth indexed")) resolve();
    });
    server.on("exit", (code) => reject(new Error(`server exited with ${code}: ${log}`)));
  });
  return { origin: `http://127.0.0.1:${port}`, pid: server.pid!, stop: () => server.kill("SIGTERM") };
}

/** Times `rounds` GETs of the given paths (in turn) as a signed-in user, after one warm-up each. */
async function timeGets(origin: string, paths: string[], rounds: number): Promise<ReturnType<typeof summarize>> {
  const cookie = await signIn(origin, "alice-adeyemi", "hmpps-sre");
  const get = (p: string) => fetch(origin + p, { headers: { cookie } });
  for (const p of paths) await (await get(p)).arrayBuffer();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    const res = await get(paths[i % paths.length]!);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`HTTP ${res.status} for ${paths[i % paths.length]}`);
    samples.push(performance.now() - t);
  }
  return summarize(samples);
}

/** The inventory API over HTTP against the production build, as a browser or script would call it. */
async function httpBench(databaseUrl: string | null, name: string): Promise<HttpResult> {
  const berth = await startBerth(databaseUrl, name);
  try {
    const queries = [
      "",
      "?q=prison",
      "?businessUnit=HMPPS&production=false",
      "?module=rds-instance&flag=lagging&sort=reviewAfter&dir=desc",
      "?sort=application&page=40",
      "?pageSize=500",
    ];
    const apiMs = await timeGets(
      berth.origin,
      queries.map((q) => `/api/namespaces${q}`),
      300,
    );
    return { apiMs, serverRssMb: rssMb(berth.pid) };
  } finally {
    berth.stop();
  }
}

/** The edit preview API over HTTP against the production build (the mutation rate limit raised: the bench is one user calling in a loop). */
async function previewBench(databaseUrl: string | null): Promise<EditPreviewResult> {
  const berth = await startBerth(databaseUrl, "edit-preview", { BERTH_RATE_LIMIT_MUTATIONS: "100000" });
  try {
    return await editPreviewBench(berth.origin);
  } finally {
    berth.stop();
  }
}

async function main(): Promise<void> {
  if (process.argv[2] === "cluster") return clusterOnly();
  if (process.argv[2] === "edit") return editOnly();
  if (process.argv[2] === "logs") return logsOnly();
  if (process.argv[2] === "github") return githubOnly();
  if (process.argv[2] === "preview") return previewOnly();
  if (process.argv[2] === "campaign") return campaignOnly();
  console.log(`Generating a ${NAMESPACES}-namespace environments repository...`);
  const generateMs = await generate();
  const index = indexWorker();
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npx next build` first.");
  const postgres = await scratchPostgres();
  const servers = { postgres: postgres ? await httpBench(postgres, "postgres") : null, embedded: await httpBench(null, "embedded") };
  const pullRequests = await pullRequestBench();
  const cluster = await clusterBench((env) => startBerth(postgres, "cluster", env), timeGets);
  const logs = await logBench((env) => startBerth(postgres, "logs", env));
  const edit = await editBench();
  const editPreview = await previewBench(postgres);
  const campaign = await campaignBench(repo);
  const github = githubCostBench();
  const results = {
    date: new Date().toISOString(),
    namespaces: NAMESPACES,
    generateMs: Math.round(generateMs),
    index,
    servers,
    pullRequests,
    cluster,
    logs,
    edit,
    editPreview,
    campaign,
    github,
  };
  writeFileSync(path.join(root, "results.json"), JSON.stringify(results, null, 2));

  const i = index as {
    coldIndexMs: { median: number };
    incrementalMs: { median: number; p95: number };
    queryMs: { median: number };
    rssMb: { withIndex: number };
  };
  const pr = pullRequests as {
    openPullRequestMs: Record<"files8" | "files80", { median: number; p95: number }>;
    githubCalls: Record<"files8" | "files80", number>;
  };
  const api = (h: HttpResult | null) => (h ? `${h.apiMs.median} / ${h.apiMs.p95} ms` : "no PostgreSQL");
  const rows: [string, string, string][] = [
    ["generate sample repo", `${(generateMs / 1000).toFixed(1)} s`, "-"],
    ["cold index (median of 3)", `${i.coldIndexMs.median} ms`, "< 3000 ms"],
    ["incremental re-index, 1 namespace (median/p95 of 20)", `${i.incrementalMs.median} / ${i.incrementalMs.p95} ms`, "< 100 ms"],
    ["inventory query in process (median of 300)", `${i.queryMs.median} ms`, "-"],
    ["inventory API over HTTP, PostgreSQL (median/p95 of 300)", api(servers.postgres), "< 50 ms median"],
    ["inventory API over HTTP, embedded (median/p95 of 300)", api(servers.embedded), "< 50 ms median"],
    ["RSS, Berth server with the index, PostgreSQL", servers.postgres ? `${servers.postgres.serverRssMb} MB` : "-", "< 300 MB"],
    ["RSS, Berth server with the index, embedded PGlite", `${servers.embedded.serverRssMb} MB`, "(PGlite adds ~150 MB)"],
    [
      "open a pull request on the local GitHub, 8 files (median/p95 of 10)",
      `${pr.openPullRequestMs.files8.median} / ${pr.openPullRequestMs.files8.p95} ms`,
      "-",
    ],
    ["open a pull request on the local GitHub, 80 files (median of 5)", `${pr.openPullRequestMs.files80.median} ms`, "-"],
    ["GitHub API calls per pull request, 8 files / 80 files", `${pr.githubCalls.files8} / ${pr.githubCalls.files80}`, "same for any number of files"],
    ...clusterRows(cluster),
    ...logRows(logs),
    ...editRows(edit),
    ...editPreviewRows(editPreview),
    ...campaignRows(campaign),
    ...githubCostRows(github),
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`\nBerth bench, ${NAMESPACES} namespaces (${results.date})\n`);
  for (const [name, value, target] of rows) console.log(`${name.padEnd(width)}  ${value.padStart(18)}   target ${target}`);
  console.log(`\nDetails: ${path.relative(process.cwd(), path.join(root, "results.json"))}`);
}

/** `npm run bench -- cluster`: only the cluster rows, on the repository a full run left. */
async function clusterOnly(): Promise<void> {
  if (!existsSync(repo)) throw new Error("Run `npm run bench` once first: it generates the repository.");
  const postgres = await scratchPostgres();
  const cluster = await clusterBench((env) => startBerth(postgres, "cluster", env), timeGets);
  for (const [name, value, target] of clusterRows(cluster)) console.log(`${name}  ${value}   target ${target}`);
}

/** `npm run bench -- logs`: only the pod log rows, on a small repository of their own (needs the production build). */
async function logsOnly(): Promise<void> {
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npx next build` first.");
  for (const [name, value, target] of logRows(await logBench((env) => startBerth(null, "logs", env)))) console.log(`${name}  ${value}   target ${target}`);
}

/** `npm run bench -- edit`: only the in-place edit row; it needs no repository or server. */
async function editOnly(): Promise<void> {
  for (const [name, value, target] of editRows(await editBench())) console.log(`${name}  ${value}   target ${target}`);
}

/** `npm run bench -- preview`: only the edit preview rows, on the repository a full run left (generated if missing) and the production build. */
async function previewOnly(): Promise<void> {
  if (!existsSync(repo)) await generate();
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npx next build` first.");
  for (const [name, value, target] of editPreviewRows(await previewBench(await scratchPostgres()))) console.log(`${name}  ${value}   target ${target}`);
}

/** `npm run bench -- campaign`: only the campaign preview rows, on the repository a full run left (generated if missing); no server needed. */
async function campaignOnly(): Promise<void> {
  if (!existsSync(repo)) await generate();
  const rows = campaignRows(await campaignBench(repo));
  const width = Math.max(...rows.map((r) => r[0].length));
  for (const [name, value, target] of rows) console.log(`${name.padEnd(width)}  ${value.padStart(18)}   target ${target}`);
}

/** `npm run bench -- github`: only the GitHub cost rows (no repository or build needed). */
function githubOnly(): void {
  const rows = githubCostRows(githubCostBench());
  const width = Math.max(...rows.map((r) => r[0].length));
  for (const [name, value, target] of rows) console.log(`${name.padEnd(width)}  ${value.padStart(18)}   target ${target}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
