import { buildTree, type TreeInput } from "./git-build-tree";
import { pushedAt } from "./pull-objects";
import { emitPullRequest, emitPush, eventSource } from "./repo-events";
import type { RepoContext } from "./repo-context";
import { gitCommit, repository } from "./repo-objects";
import { bodyOf, forRepo, unprocessable } from "./repo-request";
import { notFound, type RestOperation, type RestRequest } from "./rest-operation";
import { timestamp } from "./repo-store";

const REPO = ["repo"];
const DOCS = "https://docs.github.com/rest/git";

function gitRef(request: RestRequest, repo: RepoContext, ref: string, sha: string) {
  const api = `${request.urls.api}/repos/${repo.fullName}`;
  return {
    ref,
    node_id: Buffer.from(`03:Ref${repo.id}:${ref}`).toString("base64"),
    url: `${api}/git/${ref}`,
    object: { type: "commit", sha, url: `${api}/git/commits/${sha}` },
  };
}

/** After a branch moves: a push, and `synchronize` for each open PR from that branch. */
async function afterRefMoved(request: RestRequest, repo: RepoContext, ref: string, before: string | null, after: string) {
  const events = eventSource(request, repo);
  await emitPush(events, ref, before, after);
  if (!ref.startsWith("refs/heads/") || before === null) return;
  for (const pull of repo.store.openPullsWithHead(ref.slice("refs/heads/".length))) {
    pull.updatedAt = timestamp();
    await emitPullRequest(events, "synchronize", pull, { before, after });
  }
}

/** repos/get and the git data API (refs, commits, trees, blobs) over the bare repository. */
export const gitOperations: RestOperation[] = [
  {
    method: "GET",
    path: "/repos/{owner}/{repo}",
    operationId: "repos/get",
    acceptedScopes: REPO,
    documentationUrl: "https://docs.github.com/rest/repos/repos#get-a-repository",
    handle: forRepo(async (request, repo) => {
      const body = repository(repo, request.state, request.urls, await pushedAt(repo));
      return { status: 200, body: { ...body, permissions: { admin: false, maintain: false, push: true, triage: true, pull: true } } };
    }),
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/git/ref/{ref}",
    operationId: "git/get-ref",
    acceptedScopes: REPO,
    documentationUrl: `${DOCS}/refs#get-a-reference`,
    handle: forRepo(async (request, repo) => {
      const ref = `refs/${request.params.ref ?? ""}`;
      const sha = await repo.git.ref(ref);
      return sha ? { status: 200, body: gitRef(request, repo, ref, sha) } : notFound(request);
    }),
  },
  {
    method: "POST",
    path: "/repos/{owner}/{repo}/git/refs",
    operationId: "git/create-ref",
    acceptedScopes: REPO,
    documentationUrl: `${DOCS}/refs#create-a-reference`,
    handle: forRepo(async (request, repo) => {
      const { ref, sha } = bodyOf(request) as { ref: string; sha: string };
      if (!/^refs\/[^/]+\/.+/.test(ref)) return unprocessable(request, "Reference name must start with 'refs/' and have at least two slashes.");
      if ((await repo.git.objectType(sha)) !== "commit") return unprocessable(request, "Object does not exist");
      if (await repo.git.ref(ref)) return unprocessable(request, "Reference already exists");
      if (!(await repo.git.updateRef(ref, sha, ""))) return unprocessable(request, "Reference already exists");
      await afterRefMoved(request, repo, ref, null, sha);
      return { status: 201, body: gitRef(request, repo, ref, sha), headers: { location: `${request.urls.api}/repos/${repo.fullName}/git/${ref}` } };
    }),
  },
  {
    method: "PATCH",
    path: "/repos/{owner}/{repo}/git/refs/{ref}",
    operationId: "git/update-ref",
    acceptedScopes: REPO,
    documentationUrl: `${DOCS}/refs#update-a-reference`,
    handle: forRepo(async (request, repo) => {
      const { sha, force } = bodyOf(request) as { sha: string; force?: boolean };
      const ref = `refs/${request.params.ref ?? ""}`;
      const current = await repo.git.ref(ref);
      if (!current) return unprocessable(request, "Reference does not exist");
      if ((await repo.git.objectType(sha)) !== "commit") return unprocessable(request, "Object does not exist");
      if (!force && !(await repo.git.isAncestor(current, sha))) return unprocessable(request, "Update is not a fast forward");
      if (!(await repo.git.updateRef(ref, sha, current))) return unprocessable(request, "Reference cannot be updated");
      if (current !== sha) await afterRefMoved(request, repo, ref, current, sha);
      return { status: 200, body: gitRef(request, repo, ref, sha) };
    }),
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/git/commits/{commit_sha}",
    operationId: "git/get-commit",
    acceptedScopes: REPO,
    documentationUrl: `${DOCS}/commits#get-a-commit-object`,
    handle: forRepo(async (request, repo) => {
      const sha = request.params.commit_sha ?? "";
      const commit = /^[0-9a-f]{4,40}$/.test(sha) ? await repo.git.readCommit(sha) : undefined;
      return commit ? { status: 200, body: gitCommit(repo, request.urls, commit) } : notFound(request);
    }),
  },
  {
    method: "POST",
    path: "/repos/{owner}/{repo}/git/commits",
    operationId: "git/create-commit",
    acceptedScopes: REPO,
    documentationUrl: `${DOCS}/commits#create-a-commit`,
    handle: forRepo(async (request, repo) => {
      const input = bodyOf(request) as {
        message: string;
        tree: string;
        parents?: string[];
        author?: { name?: string; email?: string; date?: string };
        committer?: { name?: string; email?: string; date?: string };
      };
      if ((await repo.git.objectType(input.tree)) !== "tree") return unprocessable(request, "Tree SHA does not exist");
      for (const parent of input.parents ?? []) {
        if ((await repo.git.objectType(parent)) !== "commit") return unprocessable(request, "Parent SHA does not exist or is not a commit object");
      }
      const user = request.state.user(request.token.login);
      const now = new Date().toISOString().replace(/\.\d+Z$/, "Z");
      const person = (given?: { name?: string; email?: string; date?: string }) => ({
        name: given?.name ?? user?.name ?? request.token.login,
        email: given?.email ?? user?.email ?? `${user?.id ?? 0}+${request.token.login}@users.noreply.github.com`,
        date: given?.date ?? now,
      });
      const author = person(input.author);
      const sha = await repo.git.commitTree({
        tree: input.tree,
        parents: input.parents ?? [],
        message: input.message,
        author,
        committer: input.committer ? person(input.committer) : author,
      });
      const commit = await repo.git.readCommit(sha);
      if (!commit) throw new Error(`commit ${sha} just written cannot be read`);
      return {
        status: 201,
        body: gitCommit(repo, request.urls, commit),
        headers: { location: `${request.urls.api}/repos/${repo.fullName}/git/commits/${sha}` },
      };
    }),
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/git/trees/{tree_sha}",
    operationId: "git/get-tree",
    acceptedScopes: REPO,
    documentationUrl: `${DOCS}/trees#get-a-tree`,
    handle: forRepo(async (request, repo) => {
      const sha = await repo.git.resolve(request.params.tree_sha ?? "", "tree");
      if (!sha) return notFound(request);
      const recursive = ["1", "true"].includes(request.url.searchParams.get("recursive") ?? "");
      return { status: 200, body: await treeBody(request, repo, sha, recursive) };
    }),
  },
  {
    method: "POST",
    path: "/repos/{owner}/{repo}/git/trees",
    operationId: "git/create-tree",
    acceptedScopes: REPO,
    documentationUrl: `${DOCS}/trees#create-a-tree`,
    handle: forRepo(async (request, repo) => {
      const { base_tree: baseTree, tree } = bodyOf(request) as { base_tree?: string; tree: TreeInput[] };
      const result = await buildTree(repo.git, baseTree, tree);
      if (!result.ok) return unprocessable(request, result.message);
      return {
        status: 201,
        body: await treeBody(request, repo, result.sha, false),
        headers: { location: `${request.urls.api}/repos/${repo.fullName}/git/trees/${result.sha}` },
      };
    }),
  },
  {
    method: "POST",
    path: "/repos/{owner}/{repo}/git/blobs",
    operationId: "git/create-blob",
    acceptedScopes: REPO,
    documentationUrl: `${DOCS}/blobs#create-a-blob`,
    handle: forRepo(async (request, repo) => {
      const { content, encoding = "utf-8" } = bodyOf(request) as { content: string; encoding?: string };
      if (encoding !== "utf-8" && encoding !== "base64") return unprocessable(request, `encoding must be "utf-8" or "base64"`);
      const sha = await repo.git.writeBlob(Buffer.from(content, encoding === "base64" ? "base64" : "utf8"));
      const url = `${request.urls.api}/repos/${repo.fullName}/git/blobs/${sha}`;
      return { status: 201, body: { url, sha }, headers: { location: url } };
    }),
  },
];

async function treeBody(request: RestRequest, repo: RepoContext, sha: string, recursive: boolean) {
  const api = `${request.urls.api}/repos/${repo.fullName}`;
  const entries = await repo.git.lsTree(sha, recursive);
  return {
    sha,
    url: `${api}/git/trees/${sha}`,
    truncated: false,
    tree: entries.map((entry) => ({
      path: entry.path,
      mode: entry.mode,
      type: entry.type,
      sha: entry.sha,
      ...(entry.size === undefined ? {} : { size: entry.size }),
      url: `${api}/git/${entry.type === "tree" ? "trees" : entry.type === "blob" ? "blobs" : "commits"}/${entry.sha}`,
    })),
  };
}
