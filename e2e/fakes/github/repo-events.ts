import { organizationSimple, type FakeUrls } from "./github-objects";
import type { GitHubState } from "./github-state";
import { pullRequest, pushedAt } from "./pull-objects";
import type { RepoContext } from "./repo-context";
import { checkRun, issueComment, issueOfPull, label, repository, review, userByLogin } from "./repo-objects";
import type { FakeCheckRun, FakeComment, FakePull, FakeReview } from "./repo-store";
import type { RestRequest } from "./rest-operation";

export interface EventSource {
  repo: RepoContext;
  state: GitHubState;
  urls: FakeUrls;
  /** The login whose action caused the event. */
  sender: string;
}

export const eventSource = (request: RestRequest, repo: RepoContext): EventSource => ({
  repo,
  state: request.state,
  urls: request.urls,
  sender: request.token.login,
});

/**
 * Webhook payloads, built from the same objects the REST API answers with
 * (as GitHub's are) and queued on the repository's hook; emitting never waits
 * for the receiver.
 */
async function common(source: EventSource) {
  const { repo, state, urls } = source;
  const repositoryObject = repository(repo, state, urls, await pushedAt(repo));
  return {
    repository: repositoryObject,
    organization: organizationSimple(repo.owner, urls),
    sender: userByLogin(state, source.sender, urls),
  };
}

export async function emitPullRequest(source: EventSource, action: string, pull: FakePull, extra: Record<string, unknown> = {}) {
  const pr = await pullRequest(source.repo, source.state, source.urls, pull, { full: true });
  source.repo.hooks.emit("pull_request", { action, number: pull.number, pull_request: pr, ...extra, ...(await common(source)) });
}

export async function emitLabeled(source: EventSource, pull: FakePull, name: string) {
  await emitPullRequest(source, "labeled", pull, { label: label(source.repo, source.urls, name) });
}

export async function emitReview(source: EventSource, pull: FakePull, saved: FakeReview) {
  const pr = await pullRequest(source.repo, source.state, source.urls, pull, { full: false });
  const reviewObject = { ...review(source.repo, source.state, source.urls, pull, saved), state: saved.state.toLowerCase() };
  source.repo.hooks.emit("pull_request_review", { action: "submitted", review: reviewObject, pull_request: pr, ...(await common(source)) });
}

/** A comment on a pull request's conversation: GitHub's `issue_comment`, whose `issue` is the pull request seen as an issue. */
export async function emitIssueComment(source: EventSource, pull: FakePull, comment: FakeComment) {
  const { repo, state, urls } = source;
  repo.hooks.emit("issue_comment", {
    action: "created",
    issue: issueOfPull(repo, state, urls, pull),
    comment: issueComment(repo, state, urls, pull, comment),
    ...(await common(source)),
  });
}

export async function emitCheckRun(source: EventSource, action: "created" | "completed", run: FakeCheckRun) {
  const pulls = source.repo.store.pulls().filter((pull) => pull.state === "open");
  const object = { ...checkRun(source.repo, source.urls, run), pull_requests: [] as unknown[] };
  for (const pull of pulls) {
    const head = await source.repo.git.ref(`refs/heads/${pull.head}`);
    if (head !== run.headSha) continue;
    const base = await source.repo.git.ref(`refs/heads/${pull.base}`);
    const api = `${source.urls.api}/repos/${source.repo.fullName}`;
    const repoRef = { id: source.repo.id, url: api, name: source.repo.name };
    object.pull_requests.push({
      id: pull.id,
      number: pull.number,
      url: `${api}/pulls/${pull.number}`,
      head: { ref: pull.head, sha: head, repo: repoRef },
      base: { ref: pull.base, sha: base, repo: repoRef },
    });
  }
  source.repo.hooks.emit("check_run", { action, check_run: object, ...(await common(source)) });
}

export async function emitPush(source: EventSource, ref: string, before: string | null, after: string) {
  const { repo, urls } = source;
  const zero = "0000000000000000000000000000000000000000";
  const shas = before ? await repo.git.commitsBetween(before, after) : [after];
  const commits = [];
  for (const sha of shas.slice(-20)) {
    const commit = await repo.git.readCommit(sha);
    if (!commit) continue;
    commits.push({
      id: sha,
      tree_id: commit.tree,
      distinct: true,
      message: commit.message,
      timestamp: commit.committer.date,
      url: `${urls.web}/${repo.fullName}/commit/${sha}`,
      author: { name: commit.author.name, email: commit.author.email },
      committer: { name: commit.committer.name, email: commit.committer.email },
      added: [],
      removed: [],
      modified: [],
    });
  }
  const user = source.state.user(source.sender);
  repo.hooks.emit("push", {
    ref,
    before: before ?? zero,
    after,
    created: before === null,
    deleted: false,
    forced: before !== null && !(await repo.git.isAncestor(before, after)),
    base_ref: null,
    compare: `${urls.web}/${repo.fullName}/compare/${(before ?? zero).slice(0, 12)}...${after.slice(0, 12)}`,
    commits,
    head_commit: commits.at(-1) ?? null,
    pusher: { name: source.sender, email: user?.email ?? null },
    ...(await common(source)),
  });
}
