import type { GitCommitObject } from "./git-repo";
import { organizationSimple, simpleUser, type FakeUrls } from "./github-objects";
import type { GitHubState } from "./github-state";
import type { RepoContext } from "./repo-context";
import type { FakeCheckRun, FakeComment, FakePull, FakeReview } from "./repo-store";
import { stableId } from "./stable-id";

export const nodeId = (kind: string, id: number | string) => Buffer.from(`0${kind.length}:${kind}${id}`).toString("base64");

/** A user as GitHub embeds one; a login the fake no longer knows is still shaped like a user. */
export function userByLogin(state: GitHubState, login: string, urls: FakeUrls) {
  const user = state.user(login) ?? { id: stableId("user", login), login, name: null, email: null, teams: new Set<string>(), orgMember: false, createdAt: "" };
  return simpleUser(user, urls);
}

export function repository(repo: RepoContext, state: GitHubState, urls: FakeUrls, pushedAt: string) {
  const api = `${urls.api}/repos/${repo.fullName}`;
  const org = organizationSimple(repo.owner, urls);
  const owner = {
    ...userByLogin(state, repo.owner, urls),
    id: org.id,
    node_id: org.node_id,
    url: `${urls.api}/users/${repo.owner}`,
    avatar_url: org.avatar_url,
    type: "Organization",
  };
  return {
    id: repo.id,
    node_id: nodeId("Repository", repo.id),
    name: repo.name,
    full_name: repo.fullName,
    owner,
    private: true,
    visibility: "private",
    html_url: `${urls.web}/${repo.fullName}`,
    description: null,
    fork: false,
    url: api,
    archive_url: `${api}/{archive_format}{/ref}`,
    assignees_url: `${api}/assignees{/user}`,
    blobs_url: `${api}/git/blobs{/sha}`,
    branches_url: `${api}/branches{/branch}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    comments_url: `${api}/comments{/number}`,
    commits_url: `${api}/commits{/sha}`,
    compare_url: `${api}/compare/{base}...{head}`,
    contents_url: `${api}/contents/{+path}`,
    contributors_url: `${api}/contributors`,
    deployments_url: `${api}/deployments`,
    downloads_url: `${api}/downloads`,
    events_url: `${api}/events`,
    forks_url: `${api}/forks`,
    git_commits_url: `${api}/git/commits{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_url: `${urls.web.replace(/^https?:/, "git:")}/${repo.fullName}.git`,
    hooks_url: `${api}/hooks`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    issue_events_url: `${api}/issues/events{/number}`,
    issues_url: `${api}/issues{/number}`,
    keys_url: `${api}/keys{/key_id}`,
    labels_url: `${api}/labels{/name}`,
    languages_url: `${api}/languages`,
    merges_url: `${api}/merges`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    pulls_url: `${api}/pulls{/number}`,
    releases_url: `${api}/releases{/id}`,
    ssh_url: `git@${new URL(urls.web).host}:${repo.fullName}.git`,
    stargazers_url: `${api}/stargazers`,
    statuses_url: `${api}/statuses/{sha}`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    tags_url: `${api}/tags`,
    teams_url: `${api}/teams`,
    trees_url: `${api}/git/trees{/sha}`,
    clone_url: `${urls.web}/${repo.fullName}.git`,
    mirror_url: null,
    svn_url: `${urls.web}/${repo.fullName}`,
    homepage: null,
    language: "HCL",
    forks: 0,
    forks_count: 0,
    stargazers_count: 0,
    watchers: 0,
    watchers_count: 0,
    size: 0,
    default_branch: repo.defaultBranch,
    open_issues: repo.store.pulls().filter((pull) => pull.state === "open").length,
    open_issues_count: repo.store.pulls().filter((pull) => pull.state === "open").length,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: false,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    pushed_at: pushedAt,
    created_at: repo.createdAt,
    updated_at: pushedAt,
    allow_rebase_merge: false,
    allow_squash_merge: true,
    allow_merge_commit: true,
    allow_auto_merge: false,
    delete_branch_on_merge: false,
    allow_forking: false,
    web_commit_signoff_required: false,
    license: null,
    network_count: 0,
    subscribers_count: 0,
  };
}

export function gitCommit(repo: RepoContext, urls: FakeUrls, commit: GitCommitObject) {
  const api = `${urls.api}/repos/${repo.fullName}`;
  return {
    sha: commit.sha,
    node_id: nodeId("Commit", commit.sha),
    url: `${api}/git/commits/${commit.sha}`,
    html_url: `${urls.web}/${repo.fullName}/commit/${commit.sha}`,
    author: commit.author,
    committer: commit.committer,
    tree: { sha: commit.tree, url: `${api}/git/trees/${commit.tree}` },
    message: commit.message,
    parents: commit.parents.map((sha) => ({ sha, url: `${api}/git/commits/${sha}`, html_url: `${urls.web}/${repo.fullName}/commit/${sha}` })),
    verification: { verified: false, reason: "unsigned", signature: null, payload: null, verified_at: null },
  };
}

/** GitHub's `commit` (the repos/pulls flavour, with the git commit inside). */
export function commitSummary(repo: RepoContext, state: GitHubState, urls: FakeUrls, commit: GitCommitObject) {
  const api = `${urls.api}/repos/${repo.fullName}`;
  const git = gitCommit(repo, urls, commit);
  const byEmail = (email: string) => state.users().find((user) => user.email === email);
  const person = (email: string) => {
    const user = byEmail(email);
    return user ? simpleUser(user, urls) : null;
  };
  return {
    url: `${api}/commits/${commit.sha}`,
    sha: commit.sha,
    node_id: git.node_id,
    html_url: git.html_url,
    comments_url: `${api}/commits/${commit.sha}/comments`,
    commit: {
      url: git.url,
      author: commit.author,
      committer: commit.committer,
      message: commit.message,
      comment_count: 0,
      tree: git.tree,
      verification: git.verification,
    },
    author: person(commit.author.email),
    committer: person(commit.committer.email),
    parents: git.parents,
  };
}

export function label(repo: RepoContext, urls: FakeUrls, name: string) {
  const id = stableId("label", `${repo.fullName}:${name}`);
  // Note: "" rather than null: pulls/list describes a label's description as a plain string (issues/* allow null).
  return {
    id,
    node_id: nodeId("Label", id),
    url: `${urls.api}/repos/${repo.fullName}/labels/${encodeURIComponent(name)}`,
    name,
    description: "",
    color: "ededed",
    default: false,
  };
}

export function review(repo: RepoContext, state: GitHubState, urls: FakeUrls, pull: FakePull, saved: FakeReview) {
  const html = `${urls.web}/${repo.fullName}/pull/${pull.number}#pullrequestreview-${saved.id}`;
  const pullUrl = `${urls.api}/repos/${repo.fullName}/pulls/${pull.number}`;
  return {
    id: saved.id,
    node_id: nodeId("PullRequestReview", saved.id),
    user: userByLogin(state, saved.login, urls),
    body: saved.body,
    state: saved.state,
    html_url: html,
    pull_request_url: pullUrl,
    _links: { html: { href: html }, pull_request: { href: pullUrl } },
    ...(saved.state === "PENDING" ? {} : { submitted_at: saved.submittedAt }),
    commit_id: saved.commitId,
    author_association: "MEMBER",
  };
}

/** GitHub's reaction rollup with nobody having reacted (the fake serves no reactions). */
const noReactions = (url: string) => ({ url, total_count: 0, "+1": 0, "-1": 0, laugh: 0, confused: 0, heart: 0, hooray: 0, eyes: 0, rocket: 0 });

export function issueComment(repo: RepoContext, state: GitHubState, urls: FakeUrls, pull: FakePull, comment: FakeComment) {
  const api = `${urls.api}/repos/${repo.fullName}`;
  const url = `${api}/issues/comments/${comment.id}`;
  return {
    id: comment.id,
    node_id: nodeId("IssueComment", comment.id),
    url,
    html_url: `${urls.web}/${repo.fullName}/pull/${pull.number}#issuecomment-${comment.id}`,
    body: comment.body,
    user: userByLogin(state, comment.login, urls),
    created_at: comment.createdAt,
    updated_at: comment.createdAt,
    issue_url: `${api}/issues/${pull.number}`,
    author_association: "MEMBER",
    performed_via_github_app: null,
    reactions: noReactions(`${url}/reactions`),
  };
}

/**
 * A pull request seen as an issue (GitHub's `issue`, as an `issue_comment`
 * payload carries it): its own id, the pull request's node id and number, and
 * the `pull_request` key that tells a pull request from an issue.
 */
export function issueOfPull(repo: RepoContext, state: GitHubState, urls: FakeUrls, pull: FakePull) {
  const api = `${urls.api}/repos/${repo.fullName}`;
  const self = `${api}/issues/${pull.number}`;
  const html = `${urls.web}/${repo.fullName}/pull/${pull.number}`;
  return {
    url: self,
    repository_url: api,
    labels_url: `${self}/labels{/name}`,
    comments_url: `${self}/comments`,
    events_url: `${self}/events`,
    html_url: html,
    id: stableId("issue", `${repo.fullName}#${pull.number}`),
    node_id: nodeId("PullRequest", pull.id),
    number: pull.number,
    title: pull.title,
    user: userByLogin(state, pull.author, urls),
    labels: pull.labels.map((name) => label(repo, urls, name)),
    state: pull.state,
    locked: false,
    assignee: null,
    assignees: [],
    milestone: null,
    comments: pull.comments.length,
    created_at: pull.createdAt,
    updated_at: pull.updatedAt,
    closed_at: pull.closedAt,
    author_association: "MEMBER",
    active_lock_reason: null,
    draft: pull.draft,
    pull_request: { url: `${api}/pulls/${pull.number}`, html_url: html, diff_url: `${html}.diff`, patch_url: `${html}.patch`, merged_at: pull.mergedAt },
    body: pull.body,
    reactions: noReactions(`${self}/reactions`),
    timeline_url: `${self}/timeline`,
    performed_via_github_app: null,
    state_reason: null,
  };
}

export function checkRun(repo: RepoContext, urls: FakeUrls, run: FakeCheckRun) {
  const api = `${urls.api}/repos/${repo.fullName}`;
  return {
    id: run.id,
    head_sha: run.headSha,
    node_id: nodeId("CheckRun", run.id),
    external_id: run.externalId,
    url: `${api}/check-runs/${run.id}`,
    html_url: `${urls.web}/${repo.fullName}/runs/${run.id}`,
    details_url: run.detailsUrl,
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.startedAt,
    completed_at: run.completedAt,
    output: { title: null, summary: null, text: null, annotations_count: 0, annotations_url: `${api}/check-runs/${run.id}/annotations` },
    name: run.name,
    check_suite: { id: stableId("check-suite", run.headSha) },
    app: null,
    pull_requests: [],
  };
}

export function teamSimple(team: { id: number; slug: string; name: string }, org: string, urls: FakeUrls) {
  const api = `${urls.api}/organizations/${stableId("org", org)}/team/${team.id}`;
  return {
    id: team.id,
    node_id: nodeId("Team", team.id),
    url: api,
    members_url: `${api}/members{/member}`,
    name: team.name,
    description: null,
    permission: "pull",
    privacy: "closed",
    notification_setting: "notifications_enabled",
    html_url: `${urls.web}/orgs/${org}/teams/${team.slug}`,
    repositories_url: `${api}/repos`,
    slug: team.slug,
    type: "organization",
    parent: null,
  };
}
