/**
 * `npm run image:smoke`: starts the build output exactly as the container
 * image would, where no Docker engine is available (CI here), and checks it.
 *
 * It reads the Dockerfile's last stage (WORKDIR, ENV, COPY --from=build,
 * RUN mkdir, USER, CMD) and lays those files out in a temporary root; runs the
 * migration Job's command from deploy/migrate-job.yaml (workingDir, command)
 * against a scratch PostgreSQL database; then starts CMD in WORKDIR with the
 * image's environment plus settings, as the image's user (setpriv, when run
 * as root), and checks /api/health, /api/ready, /api/metrics, the security
 * headers, request ids and the mutation rate limit. Needs `npx next build`.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { parse } from "yaml";
import { generateSampleRepo } from "../../lib/environments/sample/generate-sample-repo";
import { freePort } from "../../lib/testing/free-port";

const repo = path.resolve(__dirname, "../..");
const adminUrl = process.env.TEST_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/test";

export interface ImageStage {
  workdir: string;
  env: Record<string, string>;
  copies: { from: string; to: string }[];
  dirs: { path: string; owner: string | null }[];
  user: string | null;
  cmd: string[];
}

/** The last stage of a Dockerfile, as far as this image uses instructions. Unknown instructions fail loudly. */
export function parseLastStage(dockerfile: string): ImageStage {
  const lines = dockerfile
    .replace(/\\\n\s*/g, " ")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
  const last = lines
    .map((l, i) => (/^FROM /i.test(l) ? i : -1))
    .filter((i) => i >= 0)
    .at(-1)!;
  const stage: ImageStage = { workdir: "/", env: {}, copies: [], dirs: [], user: null, cmd: [] };
  for (const line of lines.slice(last + 1)) {
    const [instruction, ...rest] = line.split(/\s+/);
    const args = rest.join(" ");
    switch (instruction!.toUpperCase()) {
      case "WORKDIR":
        stage.workdir = args;
        break;
      case "ENV":
        for (const match of args.matchAll(/([A-Z_][A-Z0-9_]*)=("[^"]*"|\S+)/g)) stage.env[match[1]!] = match[2]!.replace(/^"|"$/g, "");
        break;
      case "COPY": {
        const parts = rest.filter((p) => !p.startsWith("--chown"));
        if (parts[0] !== "--from=build" || parts.length !== 3) throw new Error(`unsupported COPY: ${line}`);
        stage.copies.push({ from: parts[1]!, to: parts[2]! });
        break;
      }
      case "RUN": {
        // Only the runtime's own setup: packages (git, present on this machine) and the data folder.
        const mkdir = /mkdir -p (\S+)(?: && chown (\S+) \1)?/.exec(args);
        if (mkdir) stage.dirs.push({ path: mkdir[1]!, owner: mkdir[2] ?? null });
        else if (!/apt-get/.test(args)) throw new Error(`unsupported RUN: ${line}`);
        break;
      }
      case "USER":
        stage.user = args;
        break;
      case "CMD":
        stage.cmd = JSON.parse(args) as string[];
        break;
      case "EXPOSE":
      case "ARG":
        break;
      default:
        throw new Error(`unsupported instruction in the last stage: ${line}`);
    }
  }
  return stage;
}

/** Runs as the image's USER when this process is root (as CI is); otherwise as this user. */
function asImageUser(user: string | null, command: string[]): string[] {
  if (!user || process.getuid?.() !== 0) return command;
  const [uid, gid] = user.split(":");
  return ["setpriv", `--reuid=${uid}`, `--regid=${gid ?? uid}`, "--clear-groups", "--", ...command];
}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`image smoke: ${message}`);
  console.log(`  ok  ${message}`);
}

async function main(): Promise<void> {
  if (!existsSync(path.join(repo, ".next/standalone/server.js"))) throw new Error("No standalone build: run `npx next build` first.");
  const stage = parseLastStage(readFileSync(path.join(repo, "Dockerfile"), "utf8"));
  const root = mkdtempSync(path.join(os.tmpdir(), "berth-image-"));
  const database = `berth_image_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  let server: ChildProcess | undefined;
  try {
    // The build stage's extra step, then the runtime stage's COPYs (the build stage's WORKDIR /app is this checkout).
    execFileSync(process.execPath, [path.join(repo, "scripts/image/copy-migrator.mjs"), path.join(repo, ".next/migrate")], { stdio: "inherit" });
    const at = (imagePath: string) => path.join(root, imagePath);
    for (const { from, to } of stage.copies) cpSync(path.join(repo, path.relative("/app", from)), at(to), { recursive: true, dereference: true });
    const [uid, gid] = (stage.user ?? "0:0").split(":").map(Number);
    for (const dir of stage.dirs) {
      mkdirSync(at(dir.path), { recursive: true });
      if (dir.owner && process.getuid?.() === 0) chownSync(at(dir.path), uid!, gid ?? uid!);
    }
    mkdirSync(at("/tmp"), { recursive: true, mode: 0o1777 });
    execFileSync("chmod", ["-R", "a+rX,go-w", root]);
    execFileSync("chmod", ["1777", at("/tmp")]);
    // The image's paths, relocated under the temporary root.
    const relocate = (value: string) => (value.startsWith("/") ? at(value) : value);
    const imageEnv = Object.fromEntries(
      Object.entries(stage.env).map(([k, v]) => [k, ["HOME", "BERTH_DATA_DIR", "BERTH_ENVIRONMENTS_REPO"].includes(k) ? relocate(v) : v]),
    );

    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
    const databaseUrl = new URL(adminUrl);
    databaseUrl.pathname = `/${database}`;
    // Only what the image sets, not this shell's environment (NODE_ENV comes from the Dockerfile's ENV).
    const base = {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      ...imageEnv,
      HOME: at("/tmp"),
      DATABASE_URL: databaseUrl.toString(),
    } as unknown as NodeJS.ProcessEnv;

    // The migration Job, exactly as deploy/migrate-job.yaml runs it.
    const job = (
      parse(readFileSync(path.join(repo, "deploy/migrate-job.yaml"), "utf8")) as {
        spec: { template: { spec: { containers: { workingDir: string; command: string[] }[] } } };
      }
    ).spec.template.spec.containers[0]!;
    const migrate = asImageUser(stage.user, job.command);
    const migrated = execFileSync(migrate[0]!, migrate.slice(1), { cwd: relocate(job.workingDir), env: base, encoding: "utf8" });
    check(/successfully applied|No pending migrations/.test(migrated), `the migration Job's command applied the migrations (${job.command.join(" ")})`);
    const again = execFileSync(migrate[0]!, migrate.slice(1), { cwd: relocate(job.workingDir), env: base, encoding: "utf8" });
    check(/No pending migrations/.test(again), "running it again changes nothing");

    // The environments repository the replica reads (in production it clones its own from GitHub).
    const environments = imageEnv.BERTH_ENVIRONMENTS_REPO!;
    await generateSampleRepo({ dir: environments, namespaces: 40, seed: 5, now: new Date() });
    if (process.getuid?.() === 0) execFileSync("chown", ["-R", `${uid}:${gid ?? uid}`, at("/data")]);

    // CMD in WORKDIR, with the image's environment and the settings a ConfigMap and Secret would give.
    const port = await freePort();
    const cmd = asImageUser(stage.user, stage.cmd);
    const child = spawn(cmd[0]!, cmd.slice(1), {
      cwd: at(stage.workdir),
      env: {
        ...base,
        PORT: String(port),
        NEXTAUTH_URL: `http://127.0.0.1:${port}`,
        NEXTAUTH_SECRET: "image-smoke-secret-image-smoke-secret",
        BERTH_LOCAL_SIGNIN: "true",
        BERTH_DANGEROUSLY_ALLOW_LOCAL_SIGNIN_IN_PRODUCTION: "true",
        BERTH_RATE_LIMIT_MUTATIONS: "10",
      } as unknown as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    server = child;
    let output = "";
    child.stdout!.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr!.on("data", (c: Buffer) => (output += c.toString()));
    const origin = `http://127.0.0.1:${port}`;
    const started = Date.now();
    for (;;) {
      const ready = await fetch(`${origin}/api/ready`).then(
        (r) => r.status,
        () => 0,
      );
      if (ready === 200) break;
      if (child.exitCode !== null || Date.now() - started > 60_000) throw new Error(`the server did not become ready (last status ${ready}):\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    check(true, `CMD ${JSON.stringify(stage.cmd)} in ${stage.workdir} as ${stage.user ?? "root"} is ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const health = await fetch(`${origin}/api/health`);
    check(health.status === 200 && ((await health.json()) as { status: string }).status === "ok", "/api/health answers 200 ok");
    const ready = (await (await fetch(`${origin}/api/ready`)).json()) as { database: string; index: string };
    check(ready.database === "ok" && ready.index === "loaded", "/api/ready: database ok, index loaded");
    const traced = await fetch(`${origin}/api/health`, { headers: { "x-request-id": "smoke-request-0001" } });
    check(traced.headers.get("x-request-id") === "smoke-request-0001", "an incoming X-Request-Id is returned");
    const csp = traced.headers.get("content-security-policy") ?? "";
    check(csp.includes("frame-ancestors 'none'") && traced.headers.get("x-content-type-options") === "nosniff", "security headers are set");
    check(traced.headers.get("strict-transport-security") === null, "no HSTS over plain HTTP");
    const metrics = await (await fetch(`${origin}/api/metrics`)).text();
    check(
      /^berth_http_requests_total\{route="\/api\/health",method="GET",status="200"\} \d+/m.test(metrics),
      "/api/metrics counts requests by route and status",
    );
    // 40 namespaces and the platform's monitoring folder (no Namespace document), indexed with a warning.
    check(/^berth_index_loaded 1$/m.test(metrics) && /^berth_index_namespaces 41$/m.test(metrics), "/api/metrics reports the index");
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 8; i++) {
      const response = await fetch(`${origin}/api/requests/preview`, { method: "POST", headers: { origin, "content-type": "application/json" }, body: "{}" });
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers.get("retry-after");
    }
    check(
      statuses.slice(0, 5).every((s) => s === 401) && statuses.at(-1) === 429 && Number(retryAfter) >= 1,
      `mutations are rate limited per client: ${statuses.join(" ")}, Retry-After ${retryAfter}`,
    );
    check(!/"level":"error"/.test(output), "the server logged no errors");
    check(
      output
        .split("\n")
        .filter(Boolean)
        .every((line) => line.startsWith("{") || !line.includes("Berth")),
      "Berth's log lines are JSON",
    );
  } finally {
    server?.kill("SIGTERM");
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => undefined);
    await admin.end().catch(() => undefined);
    rmSync(root, { recursive: true, force: true });
  }
  console.log("image smoke: passed");
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
