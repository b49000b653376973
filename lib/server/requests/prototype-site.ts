import type { Db } from "@/lib/db/create-db";
import type { PlatformProfile } from "@/lib/environments/profile/profile";
import type { RepoFile } from "@/lib/environments/render/render-namespace-files";
import { prototypeSiteUrl, renderPrototypeDeployFiles } from "@/lib/environments/render/render-prototype-deploy-files";

/** What a prototype site's request page shows beyond a namespace request's. */
export interface PrototypeSiteView {
  repository: string;
  /** owner/name on GitHub, in the profile's organisation. */
  repositoryFullName: string;
  siteUrl: string;
  /** The deployment files: opened as a pull request in the prototype's repository, or shown to copy there. */
  deployFiles: RepoFile[];
  /**
   * The pull request Berth opened in the prototype's repository, as Berth last read or heard it (opening, open, merged,
   * closed or failed; fetchedAt null until first followed); null when none was asked for or can be (local provider).
   * closeFailure: why Berth could not close it when the request was withdrawn or closed.
   */
  deployPr: {
    state: string;
    number: number | null;
    url: string | null;
    failure: string | null;
    fetchedAt: string | null;
    closeFailure: string | null;
  } | null;
  consented: boolean;
  /** The namespace's basic-auth Secret's placeholder username (the profile's), which the team changes in variables.tf. */
  username: string;
}

/** The prototype part of a namespace request's page; null for any other request, or a profile without prototype sites. */
export async function prototypeSite(
  deps: { db: Db; profile: PlatformProfile; owner: string },
  request: { id: string; kind: string; cluster: string; answers: Record<string, unknown> },
): Promise<PrototypeSiteView | null> {
  const conventions = deps.profile.prototype;
  const prototype = request.answers.prototype as { repository: string; deployPullRequest: boolean } | undefined;
  if (request.kind !== "namespace" || !prototype || !conventions) return null;
  const domain = deps.profile.clusters.find((c) => c.name === request.cluster)?.domain;
  if (!domain) return null;
  const row = await deps.db.prototypeDeployPr.findUnique({ where: { requestId: request.id } });
  return {
    repository: prototype.repository,
    repositoryFullName: row?.repository ?? `${deps.owner}/${prototype.repository}`,
    siteUrl: prototypeSiteUrl(conventions, prototype.repository, domain),
    deployFiles: renderPrototypeDeployFiles(prototype.repository, domain, conventions),
    deployPr: row && {
      state: row.state,
      number: row.number,
      url: row.url,
      failure: row.failure,
      fetchedAt: row.fetchedAt?.toISOString() ?? null,
      closeFailure: row.closeFailure,
    },
    consented: prototype.deployPullRequest,
    username: conventions.basicAuthUsername,
  };
}
