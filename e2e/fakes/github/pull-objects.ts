import type { FakeUrls } from "./github-objects";
import type { GitHubState } from "./github-state";
import type { RepoContext } from "./repo-context";
import { label, nodeId, repository, teamSimple, userByLogin } from "./repo-objects";
import { mergeBlockers, type FakePull } from "./repo-store";

export interface PullShas {
  head: string;
  base: string;
}

/** Where the PR's branches point now, or where they pointed when it closed; `refOf` reads a ref (git's, or a listing taken once for many pull requests). */
export async function pullShas(
  repo: RepoContext,
  pull: FakePull,
  refOf: (name: string) => Promise<string | undefined> = (name) => repo.git.ref(name),
): Promise<PullShas> {
  if (pull.state === "closed" && pull.closedHeadSha && pull.closedBaseSha) return { head: pull.closedHeadSha, base: pull.closedBaseSha };
  const head = (await refOf(`refs/heads/${pull.head}`)) ?? pull.closedHeadSha ?? "";
  const base = (await refOf(`refs/heads/${pull.base}`)) ?? pull.closedBaseSha ?? "";
  return { head, base };
}

export async function pushedAt(repo: RepoContext): Promise<string> {
  const main = await repo.git.readCommit(`refs/heads/${repo.defaultBranch}`);
  return main ? new Date(main.committer.date).toISOString().replace(/\.\d+Z$/, "Z") : repo.createdAt;
}

/**
 * `mergeable` and `mergeable_state` as pulls/get reports them. GitHub
 * computes mergeability in the background, so the first GET after the head or
 * base moves says `null`/`unknown` and the next one has the answer.
 */
export async function mergeability(repo: RepoContext, pull: FakePull, shas: PullShas, observe: boolean) {
  // Note: only pulls/get observes; create, update and webhook payloads say "not computed yet", as GitHub's usually do.
  if (pull.state === "closed" || !observe) return { mergeable: null, mergeable_state: "unknown" } as const;
  // GitHub's background job has finished by the next GET, even when main moved again meanwhile (it takes seconds, a
  // poller's rounds are 30 s apart): a second null in a row would make a busy main look like one that never merges.
  const key = `${shas.base}:${shas.head}`;
  if (pull.mergeabilitySeen !== key && !pull.mergeabilityComputing) {
    Object.assign(pull, { mergeabilitySeen: key, mergeabilityComputing: true });
    return { mergeable: null, mergeable_state: "unknown" } as const;
  }
  Object.assign(pull, { mergeabilitySeen: key, mergeabilityComputing: false });
  if ((await repo.git.mergeTree(shas.base, shas.head)) === undefined) return { mergeable: false, mergeable_state: "dirty" } as const;
  if (pull.draft) return { mergeable: true, mergeable_state: "draft" } as const;
  const { reasons, unstable } = mergeBlockers(pull, repo.store.rules, repo.store.checkRunsFor(shas.head));
  return { mergeable: true, mergeable_state: reasons.length > 0 ? "blocked" : unstable ? "unstable" : "clean" } as const;
}

/** GitHub's pull-request-simple (lists) or, with `full`, pull-request (get, create, update, webhooks). */
export async function pullRequest(repo: RepoContext, state: GitHubState, urls: FakeUrls, pull: FakePull, options: { full: boolean; observe?: boolean }) {
  const api = `${urls.api}/repos/${repo.fullName}`;
  const html = `${urls.web}/${repo.fullName}/pull/${pull.number}`;
  const self = `${api}/pulls/${pull.number}`;
  const shas = await pullShas(repo, pull);
  const repoObject = repository(repo, state, urls, await pushedAt(repo));
  const branch = (ref: string, sha: string) => ({
    label: `${repo.owner}:${ref}`,
    ref,
    sha,
    user: repoObject.owner,
    repo: repoObject,
  });
  const simple = {
    url: self,
    id: pull.id,
    node_id: nodeId("PullRequest", pull.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/issues/${pull.number}`,
    commits_url: `${self}/commits`,
    review_comments_url: `${self}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${pull.number}/comments`,
    statuses_url: `${api}/statuses/${shas.head}`,
    number: pull.number,
    state: pull.state,
    locked: false,
    title: pull.title,
    user: userByLogin(state, pull.author, urls),
    body: pull.body,
    labels: pull.labels.map((name) => label(repo, urls, name)),
    milestone: null,
    active_lock_reason: null,
    created_at: pull.createdAt,
    updated_at: pull.updatedAt,
    closed_at: pull.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergeCommitSha,
    assignee: null,
    assignees: [],
    requested_reviewers: pull.requestedUsers.map((login) => userByLogin(state, login, urls)),
    requested_teams: pull.requestedTeams.flatMap((slug) => {
      const team = state.team(slug);
      return team ? [teamSimple(team, state.org, urls)] : [];
    }),
    head: branch(pull.head, shas.head),
    base: branch(pull.base, shas.base),
    _links: {
      self: { href: self },
      html: { href: html },
      issue: { href: `${api}/issues/${pull.number}` },
      comments: { href: `${api}/issues/${pull.number}/comments` },
      review_comments: { href: `${self}/comments` },
      review_comment: { href: `${api}/pulls/comments{/number}` },
      commits: { href: `${self}/commits` },
      statuses: { href: `${api}/statuses/${shas.head}` },
    },
    author_association: "MEMBER",
    auto_merge: null,
    draft: pull.draft,
  };
  if (!options.full) return simple;

  const base = (await repo.git.mergeBase(shas.base, shas.head)) ?? shas.base;
  const changes = await repo.git.diff(base, shas.head);
  const commits = await repo.git.commitsBetween(shas.base, shas.head);
  return {
    ...simple,
    merged: pull.mergedAt !== null,
    ...(await mergeability(repo, pull, shas, options.observe ?? false)),
    rebaseable: false,
    merged_by: pull.mergedBy ? userByLogin(state, pull.mergedBy, urls) : null,
    comments: pull.comments.length,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: commits.length,
    additions: changes.reduce((sum, change) => sum + change.additions, 0),
    deletions: changes.reduce((sum, change) => sum + change.deletions, 0),
    changed_files: changes.length,
  };
}
