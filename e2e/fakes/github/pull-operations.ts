import { pullRequest, pullShas } from "./pull-objects";
import { emitPullRequest, eventSource } from "./repo-events";
import type { RepoContext } from "./repo-context";
import { commitSummary } from "./repo-objects";
import { bodyOf, findPull, forRepo, validationFailed } from "./repo-request";
import { timestamp, type FakePull } from "./repo-store";
import { listResult, notFound, type RestOperation, type RestRequest } from "./rest-operation";
import { mergePull } from "./merge-pull";

const REPO = ["repo"];
const DOCS = "https://docs.github.com/rest/pulls/pulls";

/** `owner:branch` or `branch`; undefined for another owner (forks do not exist here). */
const branchOf = (repo: RepoContext, head: string) => {
  const [owner, branch] = head.includes(":") ? head.split(/:(.*)/s) : [repo.owner, head];
  return owner?.toLowerCase() === repo.owner.toLowerCase() ? branch : undefined;
};

const full = (request: RestRequest, repo: RepoContext, pull: FakePull, observe = false) =>
  pullRequest(repo, request.state, request.urls, pull, { full: true, observe });

/** Pull requests: open, read, list, edit, merge, and their files and commits. */
export const pullOperations: RestOperation[] = [
  {
    method: "POST",
    path: "/repos/{owner}/{repo}/pulls",
    operationId: "pulls/create",
    acceptedScopes: REPO,
    documentationUrl: `${DOCS}#create-a-pull-request`,
    handle: forRepo(async (request, repo) => {
      const input = bodyOf(request) as { title?: string; head: string; base: string; body?: string; draft?: boolean };
      const head = branchOf(repo, input.head);
      const headSha = head === undefined ? undefined : await repo.git.ref(`refs/heads/${head}`);
      const baseSha = await repo.git.ref(`refs/heads/${input.base}`);
      if (!baseSha) return validationFailed(request, { resource: "PullRequest", field: "base", code: "invalid" });
      if (head === undefined || !headSha) return validationFailed(request, { resource: "PullRequest", field: "head", code: "invalid" });
      if (repo.store.openPullsWithHead(head).some((pull) => pull.base === input.base)) {
        return validationFailed(request, { resource: "PullRequest", code: "custom", message: `A pull request already exists for ${repo.owner}:${head}.` });
      }
      if ((await repo.git.commitsBetween(baseSha, headSha)).length === 0) {
        return validationFailed(request, { resource: "PullRequest", code: "custom", message: `No commits between ${input.base} and ${head}` });
      }
      if (!input.title) return validationFailed(request, { resource: "PullRequest", field: "title", code: "missing_field" });
      const pull = repo.store.createPull({
        title: input.title,
        body: input.body ?? null,
        draft: input.draft ?? false,
        head,
        base: input.base,
        author: request.token.login,
      });
      await emitPullRequest(eventSource(request, repo), "opened", pull);
      const location = `${request.urls.api}/repos/${repo.fullName}/pulls/${pull.number}`;
      return { status: 201, body: await full(request, repo, pull), headers: { location } };
    }),
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/pulls/{pull_number}",
    operationId: "pulls/get",
    acceptedScopes: REPO,
    documentationUrl: `${DOCS}#get-a-pull-request`,
    handle: forRepo(async (request, repo) => {
      const pull = findPull(request, repo);
      return pull ? { status: 200, body: await full(request, repo, pull, true) } : notFound(request);
    }),
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/pulls",
    operationId: "pulls/list",
    acceptedScopes: REPO,
    documentationUrl: `${DOCS}#list-pull-requests`,
    handle: forRepo(async (request, repo) => {
      const query = request.url.searchParams;
      const state = query.get("state") ?? "open";
      const head = query.get("head");
      const headBranch = head === null ? undefined : branchOf(repo, head);
      const base = query.get("base");
      const ascending = query.get("direction") === "asc";
      const key = (pull: FakePull) => ((query.get("sort") ?? "created") === "updated" ? pull.updatedAt : pull.createdAt) + String(pull.number).padStart(9, "0");
      const pulls = repo.store
        .pulls()
        .filter((pull) => state === "all" || pull.state === state)
        .filter((pull) => head === null || pull.head === headBranch)
        .filter((pull) => base === null || pull.base === base)
        .sort((a, b) => (ascending ? key(a).localeCompare(key(b)) : key(b).localeCompare(key(a))));
      const bodies = await Promise.all(pulls.map((pull) => pullRequest(repo, request.state, request.urls, pull, { full: false })));
      return listResult(bodies, request);
    }),
  },
  {
    method: "PATCH",
    path: "/repos/{owner}/{repo}/pulls/{pull_number}",
    operationId: "pulls/update",
    acceptedScopes: REPO,
    documentationUrl: `${DOCS}#update-a-pull-request`,
    handle: forRepo(async (request, repo) => {
      const pull = findPull(request, repo);
      if (!pull) return notFound(request);
      const input = bodyOf(request) as { title?: string; body?: string; state?: "open" | "closed"; base?: string };
      if (input.base !== undefined && !(await repo.git.ref(`refs/heads/${input.base}`))) {
        return validationFailed(request, { resource: "PullRequest", field: "base", code: "invalid" });
      }
      if (input.state === "open" && pull.state === "closed" && pull.mergedAt) {
        return validationFailed(request, {
          resource: "PullRequest",
          field: "state",
          code: "invalid",
          message: "state cannot be changed. The pull request has been merged.",
        });
      }
      if (input.title !== undefined) pull.title = input.title;
      if (input.body !== undefined) pull.body = input.body;
      if (input.base !== undefined) pull.base = input.base;
      pull.updatedAt = timestamp();
      if (input.state === "closed" && pull.state === "open") {
        const shas = await pullShas(repo, pull);
        Object.assign(pull, { state: "closed", closedAt: pull.updatedAt, closedHeadSha: shas.head, closedBaseSha: shas.base });
        await emitPullRequest(eventSource(request, repo), "closed", pull);
      } else if (input.state === "open" && pull.state === "closed") {
        Object.assign(pull, { state: "open", closedAt: null, closedHeadSha: null, closedBaseSha: null, mergeabilitySeen: null, mergeabilityComputing: false });
        await emitPullRequest(eventSource(request, repo), "reopened", pull);
      } else if (input.title !== undefined || input.body !== undefined || input.base !== undefined) {
        await emitPullRequest(eventSource(request, repo), "edited", pull);
      }
      return { status: 200, body: await full(request, repo, pull) };
    }),
  },
  {
    method: "PUT",
    path: "/repos/{owner}/{repo}/pulls/{pull_number}/merge",
    operationId: "pulls/merge",
    acceptedScopes: REPO,
    documentationUrl: `${DOCS}#merge-a-pull-request`,
    handle: forRepo(async (request, repo) => {
      const pull = findPull(request, repo);
      return pull ? mergePull(request, repo, pull) : notFound(request);
    }),
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/pulls/{pull_number}/files",
    operationId: "pulls/list-files",
    acceptedScopes: REPO,
    documentationUrl: `${DOCS}#list-pull-requests-files`,
    handle: forRepo(async (request, repo) => {
      const pull = findPull(request, repo);
      if (!pull) return notFound(request);
      const shas = await pullShas(repo, pull);
      const from = (await repo.git.mergeBase(shas.base, shas.head)) ?? shas.base;
      const web = `${request.urls.web}/${repo.fullName}`;
      const files = (await repo.git.diff(from, shas.head)).map((change) => ({
        sha: change.sha,
        filename: change.path,
        status: change.status,
        additions: change.additions,
        deletions: change.deletions,
        changes: change.additions + change.deletions,
        blob_url: `${web}/blob/${shas.head}/${encodeURI(change.path)}`,
        raw_url: `${web}/raw/${shas.head}/${encodeURI(change.path)}`,
        contents_url: `${request.urls.api}/repos/${repo.fullName}/contents/${encodeURI(change.path)}?ref=${shas.head}`,
      }));
      return listResult(files, request);
    }),
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/pulls/{pull_number}/commits",
    operationId: "pulls/list-commits",
    acceptedScopes: REPO,
    documentationUrl: `${DOCS}#list-commits-on-a-pull-request`,
    handle: forRepo(async (request, repo) => {
      const pull = findPull(request, repo);
      if (!pull) return notFound(request);
      const shas = await pullShas(repo, pull);
      const commits = [];
      for (const sha of await repo.git.commitsBetween(shas.base, shas.head)) {
        const commit = await repo.git.readCommit(sha);
        if (commit) commits.push(commitSummary(repo, request.state, request.urls, commit));
      }
      return listResult(commits, request);
    }),
  },
];
