import { createOctokit, type GitHubAppCredentials, type GitHubLog } from "./create-octokit";
import {
  BranchMovedError,
  type GitProvider,
  type OpenedPullRequest,
  type PullRequestUpdater,
  type PullRequestDraft,
  type PullRequestFollower,
  type PullRequestReader,
  type TeamDirectory,
  type PullRequestStatus,
} from "./git-provider";
import type { GitHubCall } from "./observe-github";
import { githubTeamExists } from "./github-team-exists";
import { readPullRequests } from "./read-pull-requests";

export interface GitHubProviderOptions {
  apiUrl: string;
  /** The bot's token, or a GitHub App installation's credentials: writes are never made with a user's token. */
  auth: string | GitHubAppCredentials;
  owner: string;
  repo: string;
  baseBranch: string;
  /** Told of every GitHub call, retries included (the metrics). */
  onCall?: (call: GitHubCall) => void;
  log?: GitHubLog;
}

/** The bot's token for git over HTTPS (Berth's clone): an App's is minted or reused while fresh, never a stale one. */
export interface BotCredential {
  /** `fresh`: an App mints a new token even if it holds one (GitHub refused it). */
  gitToken(fresh?: boolean): Promise<string>;
}

function status(error: unknown): number | undefined {
  return typeof error === "object" && error !== null && "status" in error ? Number((error as { status: unknown }).status) : undefined;
}

/**
 * Pull requests on GitHub through the git data API: one tree with every file
 * inline, one commit, one branch, one pull request, so the number of API
 * calls does not grow with the number of files. Each step first looks for
 * what an earlier, interrupted attempt made, so a retry never makes a second
 * branch or pull request.
 */
export function createGitHubProvider(
  options: GitHubProviderOptions,
): GitProvider & PullRequestReader & PullRequestFollower & PullRequestUpdater & BotCredential & TeamDirectory {
  const octokit = createOctokit({ auth: options.auth, baseUrl: options.apiUrl, onCall: options.onCall, log: options.log });
  const { owner, repo } = options;

  async function branchHead(branch: string): Promise<string | null> {
    try {
      const { data } = await octokit.rest.git.getRef({ owner, repo, ref: `heads/${branch}` });
      return data.object.sha;
    } catch (error) {
      if (status(error) === 404) return null;
      throw error;
    }
  }

  async function commitOnNewBranch(draft: PullRequestDraft): Promise<string> {
    const base = await branchHead(options.baseBranch);
    if (!base) throw new Error(`The base branch ${options.baseBranch} does not exist in ${owner}/${repo}`);
    const { data: baseCommit } = await octokit.rest.git.getCommit({ owner, repo, commit_sha: base });
    const { data: tree } = await octokit.rest.git.createTree({
      owner,
      repo,
      base_tree: baseCommit.tree.sha,
      // A deleted file is a tree entry with `sha: null` (GitHub's create-tree).
      tree: draft.files.map((f) =>
        f.content === null
          ? { path: f.path, mode: "100644" as const, type: "blob" as const, sha: null }
          : { path: f.path, mode: "100644" as const, type: "blob" as const, content: f.content },
      ),
    });
    const { data: commit } = await octokit.rest.git.createCommit({ owner, repo, message: draft.commitMessage, tree: tree.sha, parents: [base] });
    try {
      await octokit.rest.git.createRef({ owner, repo, ref: `refs/heads/${draft.branch}`, sha: commit.sha });
      return commit.sha;
    } catch (error) {
      // Another attempt created the branch meanwhile: use what it made.
      if (status(error) === 422) {
        const head = await branchHead(draft.branch);
        if (head) return head;
      }
      throw error;
    }
  }

  async function findOpenPull(branch: string) {
    const { data } = await octokit.rest.pulls.list({ owner, repo, head: `${owner}:${branch}`, state: "open", per_page: 1 });
    return data[0] ?? null;
  }

  async function createPull(draft: PullRequestDraft): Promise<{ number: number; html_url: string }> {
    try {
      const { data } = await octokit.rest.pulls.create({ owner, repo, title: draft.title, body: draft.body, head: draft.branch, base: options.baseBranch });
      return data;
    } catch (error) {
      // "A pull request already exists": an earlier attempt's request reached GitHub after all.
      const existing = status(error) === 422 ? await findOpenPull(draft.branch) : null;
      if (!existing) throw error;
      return existing;
    }
  }

  return {
    kind: "github",

    async openPullRequest(draft): Promise<OpenedPullRequest> {
      const resumed = await branchHead(draft.branch);
      const headSha = resumed ?? (await commitOnNewBranch(draft));
      // A branch made just now has no pull request yet (createPull still finds one a racing attempt made).
      const pull = (resumed ? await findOpenPull(draft.branch) : null) ?? (await createPull(draft));
      // Both are idempotent on GitHub, so a resumed attempt simply repeats them.
      if (draft.labels.length > 0) await octokit.rest.issues.addLabels({ owner, repo, issue_number: pull.number, labels: draft.labels });
      if (draft.reviewerTeams.length > 0) {
        await octokit.rest.pulls.requestReviewers({ owner, repo, pull_number: pull.number, team_reviewers: draft.reviewerTeams });
      }
      return { number: pull.number, url: pull.html_url, headRepo: `${owner}/${repo}`, headSha };
    },

    async updatePullRequest(update): Promise<string> {
      const current = await branchHead(update.branch);
      if (current !== update.expectedHead) throw new BranchMovedError(update.branch, current, update.expectedHead);
      // Re-applying onto a newer base starts from the base's tree and merges it in (second parent).
      const { data: parent } = await octokit.rest.git.getCommit({ owner, repo, commit_sha: update.base ?? current });
      const { data: tree } = await octokit.rest.git.createTree({
        owner,
        repo,
        base_tree: parent.tree.sha,
        tree: [
          ...update.files.map((f) =>
            f.content === null
              ? { path: f.path, mode: "100644" as const, type: "blob" as const, sha: null }
              : { path: f.path, mode: "100644" as const, type: "blob" as const, content: f.content },
          ),
          ...update.removed.map((path) => ({ path, mode: "100644" as const, type: "blob" as const, sha: null })),
        ],
      });
      const { data: commit } = await octokit.rest.git.createCommit({
        owner,
        repo,
        message: update.message,
        tree: tree.sha,
        parents: update.base ? [current, update.base] : [current],
      });
      try {
        // Note: not forced: a branch that moved since it was read refuses the update (not a fast forward).
        await octokit.rest.git.updateRef({ owner, repo, ref: `heads/${update.branch}`, sha: commit.sha, force: false });
      } catch (error) {
        if (status(error) === 422) throw new BranchMovedError(update.branch, await branchHead(update.branch), update.expectedHead);
        throw error;
      }
      return commit.sha;
    },

    async closePullRequest(number, comment): Promise<void> {
      if (comment) await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body: comment });
      await octokit.rest.pulls.update({ owner, repo, pull_number: number, state: "closed" });
    },

    async getPullRequest(number): Promise<PullRequestStatus> {
      const pull = (await readPullRequests(octokit, owner, repo, [number])).get(number);
      if (!pull) throw Object.assign(new Error(`No pull request #${number} in ${owner}/${repo}`), { status: 404 });
      return pull;
    },

    readPullRequests: (numbers) => readPullRequests(octokit, owner, repo, numbers),

    async pullRequestState(number) {
      // A conditional GET (createOctokit's ETags): unchanged since the last read, GitHub answers 304, not counted against the limit.
      const { data } = await octokit.rest.pulls.get({ owner, repo, pull_number: number });
      return {
        number: data.number,
        state: data.state === "open" ? "open" : "closed",
        merged: data.merged,
        headRef: data.head.ref,
        headRepo: data.head.repo?.full_name ?? null,
        updatedAt: data.updated_at,
      };
    },

    org: owner,
    teamExists: (slug) => githubTeamExists(octokit, owner, slug),

    async gitToken(fresh = false) {
      // A plain token's auth answers with that token; an App's mints one, or reuses the cached one while it is fresh.
      const { token } = (await octokit.auth({ type: "installation", refresh: fresh })) as { token: string };
      return token;
    },
  };
}
