import type { ResourceRequest } from "@/lib/environments/requests/resource-request";
import type { FileChange, PullRequestDraft } from "@/lib/git/git-provider";
import type { DraftSettings } from "./namespace-draft";

export function resourceBranch(namespace: string, id: string): string {
  return `berth/resources-${namespace}-${id}`;
}

function describe(answer: ResourceRequest["resources"][number]): string {
  return answer.kind === "upgrade" ? `upgrade ${answer.name} to ${answer.version}` : `${answer.kind} ${answer.name}`;
}

/** The pull request for AWS resources of one namespace: what is added or upgraded, and a link back to Berth. */
export function resourcePullRequestDraft(
  request: { id: string; requester: string; cluster: string; namespace: string; answers: ResourceRequest; files: FileChange[] },
  settings: DraftSettings,
): PullRequestDraft {
  const items = request.answers.resources.map(describe);
  const link = settings.publicUrl ? `${settings.publicUrl.replace(/\/$/, "")}/requests/${request.id}` : null;
  const body = [
    `Requested by @${request.requester} through Berth${link ? `: ${link}` : ""}.`,
    "",
    `Namespace \`${request.namespace}\` on ${request.cluster}:`,
    "",
    ...items.map((i) => `- ${i.replace(/[\\`*_<>[\]#|]/g, (c) => `\\${c}`)}`),
    "",
    `${request.files.length} file${request.files.length === 1 ? "" : "s"} under \`resources/\`.`,
  ].join("\n");
  const upgradesOnly = request.answers.resources.every((r) => r.kind === "upgrade");
  return {
    branch: resourceBranch(request.namespace, request.id),
    title: `${upgradesOnly ? "Upgrade modules in" : "Add AWS resources to"} ${request.namespace} (${items.join(", ")})`.slice(0, 250),
    body,
    commitMessage: `${upgradesOnly ? "Upgrade modules in" : "Add AWS resources to"} ${request.namespace}\n\n${items.join("\n")}\n\nRequested by ${request.requester} through Berth (request ${request.id}).`,
    files: request.files,
    labels: [...settings.labels],
    reviewerTeams: settings.reviewerTeams,
  };
}
