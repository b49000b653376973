/**
 * Measures the environments index in a fresh process, so the RSS it reports
 * is that of a process holding the index (not the generator's leftovers).
 * Prints one JSON object.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIndex } from "@/lib/environments/repository/build-index";
import { cloudPlatformProfile } from "@/lib/environments/profile/profile";
import { parseInventoryQuery, queryInventory } from "@/lib/environments/inventory/query-inventory";
import { updateIndex } from "@/lib/environments/repository/update-index";
import { rssMb, summarize } from "./stats";

const repo = process.argv[2]!;
const profile = cloudPlatformProfile;

function git(args: string[], env: Record<string, string> = {}, input?: string): string {
  return execFileSync("git", ["-C", repo, ...args], { env: { ...process.env, ...env }, input, encoding: "utf8" }).trim();
}

/** Commits a change to one namespace's 00-namespace.yaml with git plumbing (the bench repo has no work tree). */
function commitOneNamespaceChange(file: string, round: number): void {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "berth-bench-"));
  const env = {
    GIT_INDEX_FILE: path.join(tmp, "index"),
    GIT_AUTHOR_NAME: "bench",
    GIT_AUTHOR_EMAIL: "b@x",
    GIT_COMMITTER_NAME: "bench",
    GIT_COMMITTER_EMAIL: "b@x",
  };
  try {
    git(["read-tree", "HEAD"], env);
    const text = git(["cat-file", "blob", `HEAD:${file}`]).replace(/application: .*/, `application: "Bench change ${round}"`);
    const blob = git(["hash-object", "-w", "--stdin"], env, text + "\n");
    git(["update-index", "--cacheinfo", `100644,${blob},${file}`], env);
    const tree = git(["write-tree"], env);
    const commit = git(["commit-tree", tree, "-p", "HEAD", "-m", `bench ${round}`], env);
    git(["update-ref", "HEAD", commit]);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const rssBefore = rssMb();
  const cold: number[] = [];
  let index = await buildIndex({ repoPath: repo, profile });
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    index = await buildIndex({ repoPath: repo, profile });
    cold.push(performance.now() - t);
  }
  global.gc?.();
  const rssWithIndex = rssMb();

  const files = [...index.namespaces.values()].map((ns) => `${ns.path}/00-namespace.yaml`);
  const incremental: number[] = [];
  for (let round = 0; round < 20; round++) {
    commitOneNamespaceChange(files[(round * 97) % files.length]!, round);
    const t = performance.now();
    const result = await updateIndex(index, {});
    incremental.push(performance.now() - t);
    if (result.changed.length !== 1) throw new Error(`expected one changed namespace, got ${result.changed.length}`);
    index = result.index;
  }

  const queries = [
    "",
    "q=prison",
    "businessUnit=HMPPS&production=false",
    "module=rds-instance&flag=lagging&sort=reviewAfter&dir=desc",
    "team=hmpps-sre&page=2",
    "sort=application&page=40",
  ];
  const all = [...index.namespaces.values()];
  const ctx = { profile, today: new Date().toISOString().slice(0, 10) };
  const query: number[] = [];
  for (let i = 0; i < 300; i++) {
    const q = parseInventoryQuery(new URLSearchParams(queries[i % queries.length]));
    const t = performance.now();
    JSON.stringify(queryInventory(all, q, ctx));
    query.push(performance.now() - t);
  }

  console.log(
    JSON.stringify({
      namespaces: index.namespaces.size,
      coldIndexMs: summarize(cold),
      incrementalMs: summarize(incremental),
      queryMs: summarize(query),
      rssMb: { beforeIndex: rssBefore, withIndex: rssWithIndex },
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
