import { previewCampaign, type CampaignOutcome } from "../../lib/environments/campaigns/preview-campaign";
import { bumpModuleOperation } from "../../lib/environments/edit/bump-module-operation";
import type { EditOperation } from "../../lib/environments/edit/edit-operation";
import { hasPinBelow, parseInventoryQuery, queryInventory } from "../../lib/environments/inventory/query-inventory";
import { cloudPlatformProfile as profile } from "../../lib/environments/profile/profile";
import { buildIndex } from "../../lib/environments/repository/build-index";
import { loadNamespaceFolder } from "../../lib/environments/repository/load-namespace-folder";
import { loadNamespaceFolders } from "../../lib/environments/repository/load-namespace-folders";
import type { NamespaceRecord } from "../../lib/environments/types";
import { summarize } from "./stats";

const MODULE = "serviceaccount";
const RUNS = 3;

export interface CampaignBenchResult {
  module: string;
  version: string;
  namespaces: number;
  /** Every namespace of the repository previewed (the worst case). */
  allMs: ReturnType<typeof summarize>;
  /** The namespaces the inventory filter `module=<m>&below=<version>` selects, as a campaign picks them. */
  filtered: number;
  filteredMs: ReturnType<typeof summarize>;
  counts: { change: number; skip: number; error: number; blocks: number };
  /** The same filtered preview loading one folder at a time (two git processes a folder), measured on 100 and scaled, for comparison. */
  oneByOneMs: number;
}

function counts(outcomes: CampaignOutcome[]) {
  const c = { change: 0, skip: 0, error: 0, blocks: 0 };
  for (const o of outcomes) {
    c[o.outcome]++;
    if (o.outcome === "change") c.blocks += o.blocks ?? 0;
  }
  return c;
}

/** Previews bumping every serviceaccount block to the catalogue's latest over the bench repository, as a campaign's preview does. */
export async function campaignBench(repo: string): Promise<CampaignBenchResult> {
  const index = await buildIndex({ repoPath: repo, profile });
  const all = [...index.namespaces.values()];
  const version = profile.modules[MODULE]!.latest;
  const filtered = queryInventory(all, parseInventoryQuery({ module: MODULE, below: version, pageSize: "500" }), { profile, today: "2026-12-05" }).total;
  // What the filter selects, every page of it (hasPinBelow is the filter's own test).
  const selected = all.filter((ns) => hasPinBelow(ns, MODULE, version));
  if (selected.length !== filtered) throw new Error(`the filter selects ${filtered} namespaces, hasPinBelow ${selected.length}`);
  const input = (targets: NamespaceRecord[]) => ({
    targets,
    operation: bumpModuleOperation as EditOperation<unknown>,
    answers: { module: MODULE, version },
    profile,
    context: { now: new Date() },
    loadFolder: (r: NamespaceRecord) => loadNamespaceFolder(repo, index.commit, r, profile),
    // The targets are the index's records at this commit, as a campaign's are.
    loadFolders: (records: readonly NamespaceRecord[]) => loadNamespaceFolders(repo, index.commit, records, profile, { reuseRecords: true }),
  });
  const time = async (targets: NamespaceRecord[]) => {
    const t = performance.now();
    const outcomes = await previewCampaign(input(targets));
    return { ms: performance.now() - t, outcomes };
  };
  const allRuns: number[] = [];
  const filteredRuns: number[] = [];
  let last: CampaignOutcome[] = [];
  for (let i = 0; i < RUNS; i++) {
    allRuns.push((await time(all)).ms);
    const run = await time(selected);
    filteredRuns.push(run.ms);
    last = run.outcomes;
  }
  // One folder at a time (two git processes and a parse a folder), on 100 of them, scaled.
  const t = performance.now();
  await previewCampaign({ ...input(selected.slice(0, 100)), loadFolders: undefined });
  const oneByOneMs = ((performance.now() - t) * selected.length) / Math.min(100, selected.length);
  return {
    module: MODULE,
    version,
    namespaces: all.length,
    allMs: summarize(allRuns),
    filtered,
    filteredMs: summarize(filteredRuns),
    counts: counts(last),
    oneByOneMs: Math.round(oneByOneMs),
  };
}

export function campaignRows(r: CampaignBenchResult): [string, string, string][] {
  const c = r.counts;
  return [
    [`campaign preview, bump ${r.module} to ${r.version}, all ${r.namespaces} namespaces (median of ${RUNS})`, `${Math.round(r.allMs.median)} ms`, "< 5000 ms"],
    [
      `campaign preview, the ${r.filtered} namespaces module=${r.module}&below=${r.version} selects (median of ${RUNS})`,
      `${Math.round(r.filteredMs.median)} ms`,
      "< 5000 ms",
    ],
    [`  of which change / skip / error, blocks moved`, `${c.change} / ${c.skip} / ${c.error}, ${c.blocks}`, "-"],
    [`  the same, one folder at a time (two git processes a folder; 100 measured, scaled)`, `${r.oneByOneMs} ms`, "-"],
  ];
}
