import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";

export interface GitHubCostResult {
  open: number;
  silent: number;
  healthy: number;
  pageCalls: number;
  pageMs: { median: number; p95: number };
}

/** Runs the GitHub cost worker under Vitest (services need its module handling) and returns its measurements. */
export function githubCostBench(): GitHubCostResult[] {
  const out = path.resolve(".berth/bench/github-cost.json");
  mkdirSync(path.dirname(out), { recursive: true });
  execFileSync(path.resolve("node_modules/.bin/vitest"), ["run", "--config", "scripts/bench/vitest.github-cost.config.ts"], {
    env: { ...process.env, BENCH_GITHUB_OUT: out },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return JSON.parse(readFileSync(out, "utf8")) as GitHubCostResult[];
}

/** The bench's rows; targets from issue 15: at 500 open requests with webhooks silent at most 2 calls a minute, no call per page view. */
export function githubCostRows(results: GitHubCostResult[]): [string, string, string][] {
  const rows: [string, string, string][] = [];
  for (const r of results) {
    const target = r.open === 500 ? "<= 120 (2 a minute)" : "-";
    rows.push([`GitHub calls per hour, ${r.open} open requests, webhooks healthy`, `${r.healthy} calls`, "-"]);
    rows.push([`GitHub calls per hour, ${r.open} open requests, webhooks silent`, `${r.silent} calls`, target]);
  }
  const last = results.at(-1);
  if (last) {
    rows.push(["GitHub calls per request page view", `${last.pageCalls} calls`, "0"]);
    rows.push([`request page data with the snapshot, in process, ${last.open} open (median/p95 of 50)`, `${last.pageMs.median} / ${last.pageMs.p95} ms`, "-"]);
  }
  return rows;
}
