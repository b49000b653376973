import type { FileChange, PullRequestDraft } from "@/lib/git/git-provider";
import type { StoredEditAnswers } from "./edit-request-answers";
import type { DraftSettings } from "./namespace-draft";

export function editBranch(operation: string, namespace: string, id: string): string {
  return `berth/edit-${operation}-${namespace}-${id}`;
}

const TITLES: Record<StoredEditAnswers["operation"], string> = {
  metadata: "Change the metadata of",
  access: "Change who administers",
  resource: "Change resource settings in",
  remove: "Remove resources from",
  decommission: "Decommission",
  "bump-module": "Bump a module version in",
  "default-tags": "Add the mandatory default tags to",
};

/** The label of every pull request a campaign opens. */
export function campaignLabel(campaignId: string): string {
  return `berth-campaign-${campaignId}`;
}

const escape = (text: string) => text.replace(/[\\`*_<>[\]#|]/g, (c) => `\\${c}`);

/** The pull request for an edit of existing files: which operation, which files change or go, and a link back to Berth. */
export function editPullRequestDraft(
  request: { id: string; requester: string; cluster: string; namespace: string; answers: StoredEditAnswers; files: FileChange[] },
  settings: DraftSettings,
): PullRequestDraft {
  const { answers } = request;
  const link = settings.publicUrl ? `${settings.publicUrl.replace(/\/$/, "")}/requests/${request.id}` : null;
  const title = `${TITLES[answers.operation]} ${request.namespace}`;
  const body = [
    `Requested by @${request.requester} through Berth${link ? `: ${link}` : ""}.`,
    "",
    `Namespace \`${request.namespace}\` on ${request.cluster}, built on commit \`${answers.baseCommit.slice(0, 12)}\`:`,
    "",
    ...request.files.map((f) => `- ${f.content === null ? "delete" : "change"} \`${escape(f.path)}\``),
    ...(answers.flags?.length ? ["", "**For reviewers:**", "", ...answers.flags.map((f) => `- ${escape(f)}`)] : []),
    ...(answers.followUp ? ["", `Once this is applied, Berth proposes the next step: ${escape(answers.followUp.reason)}`] : []),
  ].join("\n");
  return {
    branch: editBranch(answers.operation, request.namespace, request.id),
    title: title.slice(0, 250),
    body,
    commitMessage: `${title}\n\nRequested by ${request.requester} through Berth (request ${request.id}).`,
    files: request.files,
    labels: answers.campaign ? [...settings.labels, campaignLabel(answers.campaign.id)] : [...settings.labels],
    reviewerTeams: answers.campaign ? [...new Set([...settings.reviewerTeams, ...answers.campaign.reviewerTeams])] : settings.reviewerTeams,
  };
}
