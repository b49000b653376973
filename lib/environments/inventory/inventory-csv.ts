import type { NamespaceRecord } from "../types";
import { modulesInUse } from "./modules-in-use";

const COLUMNS: [string, (ns: NamespaceRecord) => string][] = [
  ["cluster", (ns) => ns.cluster],
  ["name", (ns) => ns.name],
  ["business_unit", (ns) => ns.businessUnit ?? ""],
  ["environment", (ns) => ns.environment ?? ""],
  ["is_production", (ns) => String(ns.isProduction)],
  ["application", (ns) => ns.application ?? ""],
  ["owner", (ns) => ns.owner ?? ""],
  ["teams", (ns) => ns.teams.join(" ")],
  ["slack_channel", (ns) => ns.slackChannel ?? ""],
  ["source_code", (ns) => ns.sourceCode ?? ""],
  ["review_after", (ns) => ns.reviewAfter ?? ""],
  ["skip_apply", (ns) => String(ns.skipApply)],
  // Disabled (count = 0) blocks are not in use.
  [
    "modules",
    (ns) =>
      modulesInUse(ns)
        .map((m) => `${m.module}@${m.ref ?? "unpinned"}`)
        .join(" "),
  ],
  ["problems", (ns) => String(ns.problems.length)],
];

function cell(value: string): string {
  // Note: a cell starting with = + - @ or a control character is run as a formula by spreadsheets
  // (CSV injection); values come from the repository, so they are prefixed with a quote.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * RFC 4180 CSV (CRLF line ends) of the given namespaces, one row each, with a header row. `liveOf`, the
 * namespaces' state in their clusters, adds the status and unhealthy-deployment columns the page shows.
 */
export function inventoryCsv(
  namespaces: Iterable<NamespaceRecord>,
  liveOf?: (ns: NamespaceRecord) => { status: string; unhealthyDeployments: number },
): string {
  const columns: typeof COLUMNS = liveOf
    ? [...COLUMNS, ["cluster_status", (ns) => liveOf(ns).status], ["unhealthy_deployments", (ns) => String(liveOf(ns).unhealthyDeployments)]]
    : COLUMNS;
  const lines = [columns.map(([name]) => name).join(",")];
  for (const ns of namespaces) lines.push(columns.map(([, get]) => cell(get(ns))).join(","));
  return lines.join("\r\n") + "\r\n";
}
