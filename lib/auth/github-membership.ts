import { createOctokit, type GitHubLog } from "@/lib/git/create-octokit";
import type { GitHubCall } from "@/lib/git/observe-github";

/** What Berth needs to know of a user in the organisation, read with their own token. */
export interface Membership {
  member: boolean;
  /** Team slugs in the organisation (empty when not a member). */
  teams: string[];
}

/** Reads organisation membership and teams; tests pass a fake. */
export interface MembershipSource {
  read(token: string): Promise<Membership>;
}

/** GitHub answered 401: the token was revoked or expired. */
export class GitHubTokenRevokedError extends Error {
  constructor() {
    super("GitHub no longer accepts this user's token");
    this.name = "GitHubTokenRevokedError";
  }
}

function status(error: unknown): number | undefined {
  return typeof error === "object" && error !== null && "status" in error ? Number((error as { status: unknown }).status) : undefined;
}

export function createGitHubMembershipSource(options: {
  apiUrl: string;
  org: string;
  /** Told of every GitHub call, retries included (the metrics). */
  onCall?: (call: GitHubCall) => void;
  log?: GitHubLog;
}): MembershipSource {
  const org = options.org.toLowerCase();
  return {
    async read(token) {
      const octokit = createOctokit({ auth: token, baseUrl: options.apiUrl, onCall: options.onCall, log: options.log });
      try {
        const { data } = await octokit.rest.orgs.getMembershipForAuthenticatedUser({ org: options.org });
        if (data.state !== "active") return { member: false, teams: [] };
        // Every page: people in large organisations belong to more than one page of teams.
        const teams = await octokit.paginate(octokit.rest.teams.listForAuthenticatedUser, { per_page: 100 });
        const slugs = teams.filter((t) => t.organization.login.toLowerCase() === org).map((t) => t.slug);
        return { member: true, teams: [...new Set(slugs)].sort() };
      } catch (error) {
        const code = status(error);
        if (code === 401) throw new GitHubTokenRevokedError();
        // 404: not a member (GitHub hides the organisation); 403: membership not visible to this token.
        if (code === 404 || code === 403) return { member: false, teams: [] };
        throw error;
      }
    },
  };
}
