import { pullShas } from "./pull-objects";
import { emitPullRequest, emitPush, eventSource } from "./repo-events";
import type { RepoContext } from "./repo-context";
import { bodyOf } from "./repo-request";
import { mergeBlockers, timestamp, type FakePull } from "./repo-store";
import { errorBody, type RestRequest, type RestResult } from "./rest-operation";

const GITHUB_COMMITTER = { name: "GitHub", email: "noreply@github.com" };

/**
 * pulls/merge: a real merge commit (or squash commit) on the base branch of
 * the bare repository, moved with compare-and-swap so a base that moved in
 * the meantime is a 409 rather than a lost update.
 */
export async function mergePull(request: RestRequest, repo: RepoContext, pull: FakePull): Promise<RestResult> {
  const input = bodyOf(request) as { sha?: string; merge_method?: "merge" | "squash" | "rebase"; commit_title?: string; commit_message?: string };
  const refuse = (status: number, message: string): RestResult => ({ status, body: errorBody(status, message, request.documentationUrl) });
  if (pull.state !== "open") return refuse(405, "Pull Request is not mergeable");
  const shas = await pullShas(repo, pull);
  if (input.sha !== undefined && input.sha !== shas.head) return refuse(409, "Head branch was modified. Review and try the merge again.");
  const method = input.merge_method ?? "merge";
  if (method === "rebase") return refuse(405, "Rebase merges are not allowed on this repository.");
  if (pull.draft) return refuse(405, "Pull Request is still a draft");
  const tree = await repo.git.mergeTree(shas.base, shas.head);
  if (tree === undefined) return refuse(405, "Pull Request is not mergeable");
  // Note: GitHub names the rule that blocks (mergeBlockers has the reasons); the brief for this fake asks for its generic 405.
  if (mergeBlockers(pull, repo.store.rules, repo.store.checkRunsFor(shas.head)).reasons.length > 0) return refuse(405, "Pull Request is not mergeable");

  const user = request.state.user(request.token.login);
  const now = timestamp();
  const author = {
    name: user?.name ?? request.token.login,
    email: user?.email ?? `${user?.id ?? 0}+${request.token.login}@users.noreply.github.com`,
    date: now,
  };
  const committer = { ...GITHUB_COMMITTER, date: now };
  let message: string;
  if (method === "squash") {
    const title = input.commit_title ?? `${pull.title} (#${pull.number})`;
    const commits = await Promise.all((await repo.git.commitsBetween(shas.base, shas.head)).map((sha) => repo.git.readCommit(sha)));
    const body = input.commit_message ?? commits.map((commit) => `* ${commit?.message.trim() ?? ""}`).join("\n\n");
    message = `${title}\n\n${body}`;
  } else {
    const title = input.commit_title ?? `Merge pull request #${pull.number} from ${repo.owner}/${pull.head}`;
    message = `${title}\n\n${input.commit_message ?? pull.title}`;
  }
  const parents = method === "squash" ? [shas.base] : [shas.base, shas.head];
  const sha = await repo.git.commitTree({ tree, parents, message, author, committer });
  if (!(await repo.git.updateRef(`refs/heads/${pull.base}`, sha, shas.base))) {
    return refuse(409, "Base branch was modified. Review and try the merge again.");
  }
  Object.assign(pull, {
    state: "closed",
    closedAt: now,
    updatedAt: now,
    mergedAt: now,
    mergedBy: request.token.login,
    mergeCommitSha: sha,
    closedHeadSha: shas.head,
    closedBaseSha: shas.base,
  });
  const events = eventSource(request, repo);
  await emitPullRequest(events, "closed", pull);
  await emitPush(events, `refs/heads/${pull.base}`, shas.base, sha);
  return { status: 200, body: { sha, merged: true, message: "Pull Request successfully merged" } };
}
