import { buildIndex } from "../environments/repository/build-index";
import { inventoryStats } from "../environments/inventory/inventory-stats";
import type { InventoryStats, NamespaceRecord } from "../environments/types";
import { UsageError, type CliCommand } from "./command";
import { parseOptions } from "./parse-options";
import { profileOption } from "./profile-option";

const usage = `Usage: berth inventory --repo <path> [--json] [--profile <file>]

Reads every namespace of an environments repository at its HEAD commit.

  --repo <path>      the environments repository (a git checkout)
  --json             print the inventory as JSON instead of a summary
  --profile <file>   a platform profile (JSON); default: Cloud Platform
`;

export const inventoryCommand: CliCommand = {
  name: "inventory",
  summary: "read an environments repository and summarise its namespaces",
  usage,
  async run(args, io) {
    const values = parseOptions(args, {
      repo: { type: "string" },
      json: { type: "boolean" },
      profile: { type: "string" },
    });
    if (!values.repo) throw new UsageError("--repo <path> is required");
    const profile = profileOption(values.profile);
    const index = await buildIndex({ repoPath: values.repo, profile });
    const namespaces = [...index.namespaces.values()].sort((a, b) => compare(a.cluster, b.cluster) || compare(a.name, b.name));
    const stats = inventoryStats(namespaces);
    if (values.json) {
      io.stdout(JSON.stringify({ commit: index.commit, namespaces: namespaces.map(toJson), stats }, null, 2) + "\n");
    } else {
      io.stdout(summary(index.commit, namespaces, stats));
    }
    return 0;
  },
};

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The JSON shape of a namespace: the record without clusterDomain, path and
 * files. Fields are only ever added (teamName, slackAlertChannel, otherAccess,
 * a module's disabled, a problem's severity), so existing readers keep working.
 */
function toJson(ns: NamespaceRecord) {
  return {
    cluster: ns.cluster,
    name: ns.name,
    businessUnit: ns.businessUnit,
    environment: ns.environment,
    isProduction: ns.isProduction,
    application: ns.application,
    owner: ns.owner,
    teams: ns.teams,
    otherAccess: ns.otherAccess.map((a) => ({ kind: a.kind, name: a.name, role: a.role, file: a.file })),
    teamName: ns.teamName,
    slackChannel: ns.slackChannel,
    slackAlertChannel: ns.slackAlertChannel,
    sourceCode: ns.sourceCode,
    reviewAfter: ns.reviewAfter,
    skipApply: ns.skipApply,
    modules: ns.modules.map((m) => ({ name: m.name, module: m.module, source: m.source, ref: m.ref, file: m.file, disabled: m.disabled === true })),
    problems: ns.problems.map((p) => ({ file: p.file, message: p.message, severity: p.severity })),
  };
}

const PROBLEMS_SHOWN = 20;

function summary(commit: string, namespaces: NamespaceRecord[], stats: InventoryStats): string {
  const counts = (record: Record<string, number>) =>
    Object.entries(record)
      .sort(([a, x], [b, y]) => y - x || compare(a, b))
      .map(([key, n]) => `${key} ${n}`)
      .join(", ") || "none";
  const withProblems = namespaces.filter((ns) => ns.problems.length > 0);
  const withErrors = withProblems.filter((ns) => ns.problems.some((p) => p.severity === "error")).length;
  const lines = [
    `Commit ${commit}`,
    `${stats.namespaces} namespaces, ${stats.production} production`,
    `By cluster: ${counts(stats.byCluster)}`,
    `By business unit: ${counts(stats.byBusinessUnit)}`,
    `Namespaces with problems: ${withProblems.length} (${withErrors} with unreadable files, ${withProblems.length - withErrors} with warnings only)`,
  ];
  for (const ns of withProblems.slice(0, PROBLEMS_SHOWN)) {
    const first = ns.problems[0]!;
    const more = ns.problems.length > 1 ? ` (+${ns.problems.length - 1} more)` : "";
    lines.push(`  ${ns.cluster}/${ns.name}: ${first.severity}: ${first.file}: ${first.message}${more}`);
  }
  if (withProblems.length > PROBLEMS_SHOWN) lines.push(`  ... and ${withProblems.length - PROBLEMS_SHOWN} more (see --json)`);
  return lines.join("\n") + "\n";
}
