import type { Db } from "@/lib/db/create-db";
import type { PrototypeConventions } from "@/lib/environments/profile/profile";
import { prototypeSiteUrl, renderPrototypeDeployFiles } from "@/lib/environments/render/render-prototype-deploy-files";
import type { GitProvider, PullRequestFollower } from "@/lib/git/git-provider";
import type { Logger } from "@/lib/log";
import { failureReason } from "./open-request-pull-request";

/** Where prototype sites' repositories live: a provider per repository of the organisation (GitHub only). */
export interface PrototypeRepos {
  /** owner/name of the repository. */
  fullName(repository: string): string;
  provider(repository: string): GitProvider & PullRequestFollower;
}

/** The branch of a request's deployment pull request: what binds a pull request in the prototype's repository to the request. */
export const prototypeDeployBranch = (requestId: string) => `berth/prototype-deploy-${requestId}`;

/**
 * Opens (or resumes opening) the pull request in a prototype's own repository
 * that adds its deployment files, and records it for the request page:
 * opening, then open with its number and link, or failed with GitHub's reason.
 * Never throws: the namespace request stands whatever happens here.
 */
export async function openPrototypeDeployPr(
  deps: { db: Db; repos: PrototypeRepos; log: Pick<Logger, "error"> },
  request: { id: string; requester: string; namespace: string; repository: string; clusterDomain: string; envPrUrl: string | null },
  conventions: PrototypeConventions,
): Promise<void> {
  const repository = deps.repos.fullName(request.repository);
  await deps.db.prototypeDeployPr.upsert({
    where: { requestId: request.id },
    create: { requestId: request.id, repository, state: "opening" },
    update: { state: "opening", failure: null },
  });
  const files = renderPrototypeDeployFiles(request.repository, request.clusterDomain, conventions);
  const site = prototypeSiteUrl(conventions, request.repository, request.clusterDomain);
  const body = [
    `Adds the files that build this prototype and deploy it to its Cloud Platform namespace \`${request.namespace}\`, as \`cloud-platform prototype deploy create\` writes them.`,
    "",
    `Requested by @${request.requester} through Berth, with the namespace${request.envPrUrl ? ` (${request.envPrUrl})` : ""}.`,
    "",
    `Merge it once the namespace exists: the workflow reads the secrets and variables the namespace's ECR and service account write into this repository. Every push to \`${conventions.branch}\` then deploys the site to ${site}, behind the namespace's \`basic-auth\` credentials.`,
  ].join("\n");
  try {
    const opened = await deps.repos.provider(request.repository).openPullRequest({
      branch: prototypeDeployBranch(request.id),
      title: "Deploy this prototype to the Cloud Platform",
      body,
      commitMessage: `Add the prototype's build and deployment files\n\nRequested by ${request.requester} through Berth (request ${request.id}).`,
      files,
      labels: [],
      reviewerTeams: [],
    });
    await deps.db.prototypeDeployPr.update({
      where: { requestId: request.id },
      data: { state: "open", number: opened.number, url: opened.url, failure: null },
    });
  } catch (error) {
    deps.log.error("opening a prototype's deployment pull request failed", { request: request.id, reason: failureReason(error) });
    await deps.db.prototypeDeployPr.update({ where: { requestId: request.id }, data: { state: "failed", failure: failureReason(error) } });
  }
}
