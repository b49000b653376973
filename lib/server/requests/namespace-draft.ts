import type { NamespaceRequest } from "@/lib/environments/requests/namespace-request";
import type { FileChange, PullRequestDraft } from "@/lib/git/git-provider";

/** Markdown-safe text for a table cell: user values cannot add rows, links or HTML. */
function cell(value: string): string {
  return value.replace(/[\\|*_`<>[\]#]/g, (c) => `\\${c}`) || "—";
}

export interface DraftSettings {
  labels: string[];
  reviewerTeams: string[];
  /** Berth's URL, for the link back to the request. */
  publicUrl: string | null;
}

export function namespaceBranch(name: string, id: string): string {
  return `berth/namespace-${name}-${id}`;
}

/** The pull request for a namespace request: a clear title, a summary of the answers, a link back to Berth. */
export function namespacePullRequestDraft(
  request: { id: string; requester: string; answers: NamespaceRequest; files: FileChange[] },
  settings: DraftSettings,
): PullRequestDraft {
  const a = request.answers;
  const rows: [string, string][] = [
    ["Namespace", a.name],
    ["Cluster", a.cluster],
    ["Environment", a.environment],
    ["Production", a.isProduction ? "yes" : "no"],
    ["Application", a.application],
    ["Business unit", a.businessUnit],
    ["Team", a.team],
    ["Owner", `${a.ownerName} (${a.ownerEmail})`],
    ["Slack channel", a.slackChannel],
    ["Source code", a.sourceCode],
    ["Review after", a.reviewAfter || "—"],
    ...(a.prototype ? ([["Prototype site", `repository ${a.prototype.repository}`]] as [string, string][]) : []),
  ];
  const link = settings.publicUrl ? `${settings.publicUrl.replace(/\/$/, "")}/requests/${request.id}` : null;
  const body = [
    `Requested by @${request.requester} through Berth${link ? `: ${link}` : ""}.`,
    "",
    "| | |",
    "|---|---|",
    ...rows.map(([k, v]) => `| ${k} | ${cell(v)} |`),
    "",
    `${request.files.length} files added under \`${request.files[0]?.path.split("/").slice(0, 3).join("/") ?? ""}/\`.`,
  ].join("\n");
  return {
    branch: namespaceBranch(a.name, request.id),
    title: `Add namespace ${a.name} (${a.cluster})`,
    body,
    commitMessage: `Add namespace ${a.name} on ${a.cluster}\n\nRequested by ${request.requester} through Berth (request ${request.id}).`,
    files: request.files,
    labels: settings.labels,
    reviewerTeams: settings.reviewerTeams,
  };
}
