import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { freePort } from "../lib/testing/free-port";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import fc from "fast-check";
import pg from "pg";
import { migrateDatabase } from "../lib/db/migrate-database";
import { generateSampleRepo } from "../lib/environments/sample/generate-sample-repo";
import { E2E_ROOT } from "./fixtures/paths";

/**
 * Hostile input at every route: generated bad paths, queries, headers and
 * bodies, anonymous and signed in, against a production server of its own.
 * Every answer must be below 500, and nothing may be written: no new branch or
 * commit in the repository, no new row in any table.
 *
 * Why a real server: what broke was the edge (Next.js decoding params,
 * next-auth, the proxy, headers as Node parses them), which a handler called
 * in a test never meets; the production build is already made before the e2e
 * tier, and one server of its own (PostgreSQL, so rows can be counted while it
 * runs) starts in a few seconds. The seed is fixed, so a run is repeatable.
 */

const SEED = 20261204;
const RUNS = 1000;
const root = path.join(E2E_ROOT, "hostile");
const repo = path.join(root, "environments");
const adminUrl = process.env.TEST_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/test";
const database = `berth_hostile_${process.pid}_${Date.now()}`;
const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${database}` }).toString();

interface Route {
  /** The file under app/. */
  file: string;
  /** Its URL with each dynamic segment as `{name}` (a catch-all as `{...name}`). */
  template: string;
  methods: string[];
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** Every route handler and page, found as authorization-matrix.spec.ts finds them, with the methods each exports. */
function routes(): Route[] {
  return walk("app")
    .map((file) => path.relative("app", file))
    .filter((file) => /(^|\/)(route\.ts|page\.tsx)$/.test(file) && !file.startsWith("_"))
    .map((file) => {
      const parts = file.split("/").slice(0, -1);
      const template = `/${parts.map((p) => p.replace(/^\[(\.\.\.)?(\w+)\]$/, (_, dots: string | undefined, name: string) => `{${dots ?? ""}${name}}`)).join("/")}`;
      const exported = file.endsWith("page.tsx")
        ? ["GET"]
        : [...readFileSync(path.join("app", file), "utf8").matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!);
      return { file, template, methods: exported.length > 0 ? exported : ["GET", "POST"] };
    });
}

/** Exact row counts of every table Berth owns. */
async function rowCounts(): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
    );
    const counts: Record<string, number> = {};
    // Leases are claimed by Berth's own timers (pruner, campaign runner) whatever the requests: not a write of theirs.
    for (const { table_name: table } of rows.filter((row) => row.table_name !== "leases")) {
      counts[table] = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`)).rows[0]!.n);
    }
    return counts;
  } finally {
    await client.end();
  }
}

function repositoryState(): string {
  return execFileSync("git", ["-C", repo, "for-each-ref", "--format=%(refname) %(objectname)"], { encoding: "utf8" });
}

// --- generators ---------------------------------------------------------------------------------------------------

/** encodeURIComponent, which throws on a lone surrogate: that becomes its raw (invalid) UTF-8 escape. */
function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return "%ED%A0%80";
  }
}

/**
 * Raw path segments, written into the URL as they are: bad escapes, encoded
 * separators, traversal, long and odd text, and real names (a namespace of the
 * repository, a file of it) so handlers past the lookup are reached too.
 */
function segment(real: string[]) {
  return fc.oneof(
    fc.constantFrom("%E0", "%25", "%", "%%", "%2", "%zz", "%00", "%C0%AF", "%2e%2e", "..", "%2F", "%5C", "~", "%FF%FE", "default", "kube-system", ...real),
    fc.constantFrom(...real),
    fc.string({ maxLength: 40 }).map(encode),
    fc.string({ unit: "binary", maxLength: 20 }).map(encode),
    fc.integer({ min: 201, max: 1500 }).map((n) => "a".repeat(n)),
    fc.stringMatching(/^[a-z0-9-]{1,70}$/),
  );
}

const QUERY_KEYS = [
  "q",
  "cluster",
  "businessUnit",
  "environment",
  "team",
  "module",
  "production",
  "mine",
  "flag",
  "sort",
  "dir",
  "page",
  "pageSize",
  "callbackUrl",
  "error",
];
const queryValue = fc.oneof(
  fc.string({ maxLength: 60 }).map(encode),
  fc.integer({ min: 101, max: 2000 }).map((n) => "x".repeat(n)),
  fc.constantFrom("%E0", "%", "%25", "-1", "1e309", "NaN", "true", "name", "desc", "9".repeat(40), "//evil.example", "/%5Cevil.example", "/%09/evil.example"),
);
const query = fc
  // At most ~8 KB of query with the path's ~4.5 KB: under Node's 16 KB header limit, which answers 431 before Berth runs.
  .array(fc.tuple(fc.oneof(fc.constantFrom(...QUERY_KEYS), fc.string({ maxLength: 10 }).map(encode)), queryValue), { maxLength: 4 })
  .map((pairs) => (pairs.length === 0 ? "" : `?${pairs.map(([k, v]) => `${k}=${v}`).join("&")}`));

/** Header values Node's client can send (no control characters but tab). */
const headerText = fc.string({ maxLength: 80 }).map((s) => s.replace(/[^\t\x20-\x7e]/g, "?"));

function headers(origin: string) {
  return fc.record(
    {
      origin: fc.oneof(
        fc.constant(origin),
        fc.constant(origin),
        fc.constantFrom("null", "http://evil.example", origin.replace("http:", "https:"), "::garbage::", ""),
        headerText,
      ),
      "content-type": fc.constantFrom(
        "application/json",
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/json; charset=utf-16",
        "garbage",
      ),
      "x-forwarded-host": fc.constantFrom("evil.example", "127.0.0.1", ""),
      "x-forwarded-for": fc.oneof(headerText, fc.constant("1.2.3.4, 5.6.7.8")),
      "x-real-ip": headerText,
      "x-request-id": headerText,
      accept: fc.constantFrom("application/json", "text/html", "text/x-component", "*/*"),
      rsc: fc.constantFrom("1", "0"),
      "next-router-state-tree": headerText,
      "x-github-event": fc.constantFrom("pull_request", "push", "ping", "garbage"),
      "x-github-delivery": headerText,
      "x-hub-signature-256": fc.oneof(headerText, fc.constant(`sha256=${"0".repeat(64)}`)),
    },
    { requiredKeys: ["origin"] },
  );
}

const body = (real: string[]) =>
  fc.oneof(
    fc.constant(undefined),
    fc.json({ maxDepth: 3 }),
    fc.string({ maxLength: 200 }),
    fc.constantFrom("{", "[]", "null", "0", '"x"', `{"resources":[{"kind":"upgrade","name":"rds","version":"v8.0.0"}]}`, `{"action":"merge"}`),
    fc
      .record(
        {
          name: fc.oneof(segment(real), fc.constantFrom("kube-system", "default", "cert-manager")),
          cluster: fc.constantFrom("live", "live-2", "%E0", ""),
          team: fc.string({ maxLength: 30 }),
          resources: fc.array(
            fc.record({ kind: fc.constantFrom("rds", "s3", "upgrade", "irsa", "nope"), name: fc.string({ maxLength: 20 }), version: fc.string() }),
            {
              maxLength: 3,
            },
          ),
          action: fc.constantFrom("approve", "merge", "request_changes", "nope"),
          comment: fc.string({ maxLength: 50 }),
        },
        { requiredKeys: [] },
      )
      .map((value) => JSON.stringify(value)),
  );

function fill(template: string, segments: string[]): string {
  let i = 0;
  return template.replace(/\{(\.\.\.)?\w+\}/g, (_, dots: string | undefined) => {
    const value = segments[i++ % segments.length] ?? "x";
    return dots ? `${value}/${segments[(i + 1) % segments.length] ?? "y"}` : value;
  });
}

// --- the test -----------------------------------------------------------------------------------------------------

test.describe.configure({ timeout: 180_000 });

let server: ChildProcess | undefined;
let origin = "";
let output = "";

test.beforeAll(async () => {
  test.setTimeout(180_000);
  rmSync(root, { recursive: true, force: true });
  await generateSampleRepo({ dir: repo, namespaces: 20, seed: 12, now: new Date() });
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  await migrateDatabase({ DATABASE_URL: databaseUrl, dataDir: path.join(root, "data") });
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXTAUTH_URL: origin,
      NEXTAUTH_SECRET: "berth-hostile-input-secret-0123456789abcdef",
      DATABASE_URL: databaseUrl,
      BERTH_DATA_DIR: path.join(root, "data"),
      BERTH_ENVIRONMENTS_REPO: repo,
      BERTH_LOCAL_SIGNIN: "true",
      BERTH_DANGEROUSLY_ALLOW_LOCAL_SIGNIN_IN_PRODUCTION: "true",
      // Hundreds of mutations in a few seconds: the limiter would answer most of them 429 before the handlers run.
      BERTH_RATE_LIMIT_MUTATIONS: "100000",
      BERTH_RATE_LIMIT_WEBHOOKS: "100000",
      GITHUB_CLIENT_ID: "",
      GITHUB_CLIENT_SECRET: "",
      BERTH_KUBECONFIG: "",
      BERTH_GIT_PROVIDER: "local",
    },
  });
  server.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await expect(async () => {
    if (server!.exitCode !== null) throw new Error(`the server stopped: ${output}`);
    const response = await fetch(`${origin}/api/ready`);
    expect(response.status).toBe(200);
  }).toPass({ timeout: 120_000, intervals: [100, 250, 500] });
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.end();
});

/** Signs in as a sample user with the teams given, through next-auth's own endpoints. */
async function signedIn(context: APIRequestContext, teams: string[]): Promise<void> {
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await context.post("/api/auth/callback/local", { form: { csrfToken, login: "alice-adeyemi", teams: teams.join(","), json: "true" } });
  expect(response.status()).toBeLessThan(400);
  expect((await context.get("/api/requests")).status()).toBe(200);
}

test("no route answers generated hostile input with a 5xx, and nothing is written", async ({ playwright }) => {
  const anonymous = await playwright.request.newContext({ baseURL: origin, maxRedirects: 0 });
  const reader = await playwright.request.newContext({ baseURL: origin, maxRedirects: 0 });
  const member = await playwright.request.newContext({ baseURL: origin, maxRedirects: 0 });
  expect((await anonymous.get("/api/namespaces")).status()).toBe(401);
  await signedIn(reader, ["webops"]);
  const { rows } = (await (await reader.get("/api/namespaces?pageSize=1")).json()) as { rows: { name: string; cluster: string; teams: string[] }[] };
  const namespace = rows[0]!;
  // The owner of a real namespace and a reviewer at once, so handlers get past authorization.
  await signedIn(member, [...namespace.teams, "webops"]);
  await reader.dispose();
  const real = [namespace.cluster, namespace.name, "00-namespace.yaml", "resources"];

  const all = routes();
  expect(all.length).toBeGreaterThan(20);
  const before = { rows: await rowCounts(), refs: repositoryState() };

  /** Answers of 500 or more, with what was sent: the property's counterexamples. */
  const send = async (who: APIRequestContext, method: string, url: string, sent: Record<string, string>, data: string | undefined) => {
    const response = await who.fetch(url, { method, headers: sent, data, failOnStatusCode: false });
    return response.status();
  };

  // The cases the hostile tester found, always, before the generated ones.
  const known: [string, string, Record<string, string>][] = [
    ["POST", "/api/requests", { origin: "null", "content-type": "application/json" }],
    ["POST", "/api/requests", { origin: "::garbage::", "content-type": "application/json" }],
    ["GET", "/namespaces/live/%E0", {}],
    ["GET", "/clusters/live/%E0", {}],
    ["GET", "/namespaces/live/x/files/%E0", {}],
    ["GET", "/api/namespaces/live/%E0/status", {}],
    ["GET", "/api/namespaces/live/%25/status", {}],
    ["GET", `/api/namespaces?q=${"x".repeat(201)}`, {}],
    ["GET", `/api/namespaces/export?team=${"x".repeat(201)}`, {}],
    ["GET", `/namespaces?q=${"x".repeat(201)}`, {}],
    ["GET", `/reviews?team=${"x".repeat(101)}`, {}],
    ["GET", "/signin?callbackUrl=/%5Cevil.example", {}],
  ];
  for (const [method, url, sent] of known) {
    for (const who of [anonymous, member])
      expect(await send(who, method, url, sent, method === "POST" ? "{}" : undefined), `${method} ${url}`).toBeLessThan(500);
  }

  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...all),
      fc.array(segment(real), { minLength: 1, maxLength: 3 }),
      query,
      headers(origin),
      body(real),
      fc.boolean(),
      fc.constantFrom("declared", "GET", "POST", "PUT", "DELETE", "PATCH"),
      async (route, segments, search, sent, data, asMember, methodChoice) => {
        const method = methodChoice === "declared" ? route.methods[segments.length % route.methods.length]! : methodChoice;
        const url = `${fill(route.template, segments)}${search}`;
        const status = await send(asMember ? member : anonymous, method, url, sent, method === "GET" ? undefined : data);
        expect(status, `${method} ${url} ${JSON.stringify(sent)} ${data ?? ""}\nserver: ${status >= 500 ? output.slice(-3000) : ""}`).toBeLessThan(500);
      },
    ),
    { seed: SEED, numRuns: RUNS, endOnFailure: true },
  );

  const after = { rows: await rowCounts(), refs: repositoryState() };
  expect(after.refs).toBe(before.refs);
  expect(after.rows).toEqual(before.rows);
  expect(output).not.toMatch(/"level":"error"/);
  await anonymous.dispose();
  await member.dispose();
});
