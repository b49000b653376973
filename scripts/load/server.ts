import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync } from "node:fs";
import { once } from "node:events";
import path from "node:path";
import pg from "pg";
import { migrateDatabase } from "../../lib/db/migrate-database";

const repo = path.resolve(__dirname, "../..");

/** Load and fault tests talk to this machine only. */
export function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (host !== "127.0.0.1" && host !== "localhost" && host !== "::1") throw new Error(`refusing to send load to ${host}: loopback only`);
}

/** A fresh, migrated PostgreSQL database on the test server; returns its URL and a drop function. */
export async function scratchPostgres(name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/test";
  assertLoopback(adminUrl.replace(/^postgres(ql)?:/, "http:"));
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await migrateDatabase({ DATABASE_URL: url.toString(), dataDir: path.join(repo, ".berth/unused") }, { root: repo });
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
      await client.end();
    },
  };
}

export interface RunningServer {
  origin: string;
  process: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/**
 * The production build as the image runs it: `node server.js` from the
 * standalone output (with the static files copied in, as the Dockerfile
 * does), waiting until /api/ready answers 200.
 */
export async function startServer(port: number, env: Record<string, string>, nodeArgs: string[] = []): Promise<RunningServer> {
  const standalone = path.join(repo, ".next/standalone");
  if (!existsSync(path.join(standalone, "server.js"))) throw new Error("No production build: run `npx next build` first.");
  cpSync(path.join(repo, ".next/static"), path.join(standalone, ".next/static"), { recursive: true });
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...nodeArgs, "server.js"], {
    cwd: standalone,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", HOSTNAME: "127.0.0.1", PORT: String(port), NEXTAUTH_URL: origin, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout!.on("data", (c: Buffer) => (log = (log + c.toString()).slice(-200_000)));
  child.stderr!.on("data", (c: Buffer) => (log = (log + c.toString()).slice(-200_000)));
  const started = Date.now();
  for (;;) {
    const status = await fetch(`${origin}/api/ready`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) break;
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${log}`);
    if (Date.now() - started > 120_000) throw new Error(`the server was not ready in 120 s:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    origin,
    process: child,
    output: () => log,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
      }),
  };
}

/** Signs in as a sample user through next-auth's local credentials flow; returns the session cookie. */
export async function signIn(origin: string, login: string, teams: string): Promise<string> {
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${origin}/api/auth/callback/local`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, login, teams, json: "true" }),
  });
  const session = response.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`signing in as ${login} failed: ${response.status}`);
  return session.split(";")[0]!;
}

/** Berth's sample Kubernetes API server for the repository's live cluster, on a free port, with its kubeconfig at `kubeconfig`. */
export async function sampleCluster(repoPath: string, kubeconfig: string): Promise<{ kubeconfig: string; summary: string; stop: () => Promise<void> }> {
  const child = spawn(
    path.join(repo, "node_modules/.bin/tsx"),
    ["lib/cli/main.ts", "sample-cluster", "--repo", repoPath, "--port", "0", "--kubeconfig", kubeconfig],
    {
      cwd: repo,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let log = "";
  child.stderr!.on("data", (c: Buffer) => (log += c.toString()));
  const summary = await new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (c: Buffer) => {
      log += c.toString();
      const line = log.split("\n").find((l) => l.startsWith("sample cluster "));
      if (line) resolve(line);
    });
    child.once("exit", (code) => reject(new Error(`the sample cluster exited (${code}):\n${log}`)));
  });
  return {
    kubeconfig,
    summary,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await once(child, "exit");
    },
  };
}
