import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { createAppContext, type FakeAppOptions } from "./app-context";
import { controlApi } from "./control-api";
import { createGitHubState } from "./github-state";
import { graphqlDispatch } from "./graphql-dispatch";
import { requestUrl, sendJson } from "./http-io";
import { oauthAccessToken } from "./oauth-access-token";
import { oauthAuthorize } from "./oauth-authorize";
import type { OAuthContext } from "./oauth-context";
import { openapiValidator, type OpenApiDocument } from "./openapi-validator";
import { createRateWindows } from "./rate-windows";
import { restDispatcher } from "./rest-dispatch";
import type { RestOperation } from "./rest-operation";
import { restOperations } from "./rest-operations";
import { gitRepo } from "./git-repo";
import type { RepoContext } from "./repo-context";
import { createRepoStore, timestamp } from "./repo-store";
import { smartHttp } from "./smart-http";
import { stableId } from "./stable-id";
import { createTraffic } from "./traffic";
import { createViolations } from "./violations";
import { createWebhooks } from "./webhooks";

export interface FakeGitHubOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  org: string;
  /** "" like api.github.com, or "/api/v3" like GitHub Enterprise Server. */
  apiPrefix?: string;
  clientId: string;
  clientSecret: string;
  /** Rows tried before the built-in ones (tests of the validator use this). */
  extraOperations?: RestOperation[];
  /** Milliseconds since the epoch; lets a test age an OAuth code. */
  now?: () => number;
  /**
   * The one repository the fake hosts, backed by a bare git repository the
   * caller made (with a `main` branch): REST under /repos/{owner}/{name},
   * smart HTTP at `<url>/<owner>/<name>.git`.
   */
  repo?: { owner: string; name: string; bareRepoPath: string };
  /**
   * Further repositories, each backed by its own bare repository with a
   * `main` branch (a prototype site's own repository): the same REST
   * operations under /repos/{owner}/{name}; GraphQL, smart HTTP, webhooks and
   * the control API stay with `repo`.
   */
  moreRepos?: { owner: string; name: string; bareRepoPath: string }[];
  /**
   * A GitHub App installed on the organisation: `POST /app/installations/{id}/access_tokens`
   * with its JWT mints installation tokens that expire after `tokenLifetimeSeconds` on `now`.
   */
  app?: FakeAppOptions;
}

export interface FakeGitHub {
  /** `http://127.0.0.1:<port>`: plays github.com (OAuth pages). */
  url: string;
  /** `url` + apiPrefix: plays api.github.com; Octokit's `baseUrl`. */
  apiUrl: string;
  close(): Promise<void>;
  /** Every departure from GitHub's description seen so far. */
  violations(): string[];
  /** `<url>/<owner>/<name>.git` when started with a repository. */
  cloneUrl?: string;
  /** Resolves when every webhook delivery queued so far has been answered. */
  deliveriesSettled(): Promise<void>;
}

const SUBSET_PATH = path.join(__dirname, "openapi-subset.json");

/** A local HTTP server that answers like GitHub for what Berth calls. See README.md. */
export async function startFakeGitHub(options: FakeGitHubOptions): Promise<FakeGitHub> {
  const apiPrefix = (options.apiPrefix ?? "").replace(/\/+$/, "");
  const state = createGitHubState(options.org);
  const violations = createViolations();
  const validator = openapiValidator(JSON.parse(readFileSync(SUBSET_PATH, "utf8")) as OpenApiDocument);
  const urls = { web: "", api: "" };
  // Read at each call, so a test that fakes Date moves the fake's clock too.
  const now = options.now ?? (() => Date.now());
  const oauth: OAuthContext = {
    state,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    violations,
    now,
  };
  const traffic = createTraffic();
  const app = options.app && createAppContext(options.app);
  const repoContext = (r: { owner: string; name: string; bareRepoPath: string }): RepoContext => ({
    owner: r.owner,
    name: r.name,
    fullName: `${r.owner}/${r.name}`,
    id: stableId("repo", `${r.owner}/${r.name}`),
    defaultBranch: "main",
    createdAt: timestamp(),
    git: gitRepo(r.bareRepoPath),
    store: createRepoStore(`${r.owner}/${r.name}`),
    hooks: createWebhooks({ repositoryId: stableId("repo", `${r.owner}/${r.name}`) }),
  });
  const repo: RepoContext | undefined = options.repo && repoContext(options.repo);
  const moreRepos = (options.moreRepos ?? []).map(repoContext);
  const gitPrefix = repo && `/${repo.fullName}.git`;
  // Note: git over HTTPS sends a token as the Basic password; a bad or expired one is refused, as GitHub does.
  const gitCredential = (password: string) => {
    const token = state.token(password);
    return token !== undefined && (token.expiresAt === undefined || token.expiresAt > now());
  };
  const git = options.repo && gitPrefix ? smartHttp(options.repo.bareRepoPath, gitPrefix, gitCredential) : undefined;
  const operations = [...(options.extraOperations ?? []), ...restOperations];
  const rates = createRateWindows(now);
  const rest = restDispatcher({ operations, state, urls, validator, violations, traffic, rates, repo, moreRepos, app, now });
  // octokit.graphql posts to <REST root>/graphql, and on GHES to /api/graphql beside /api/v3.
  const graphqlPath = apiPrefix === "/api/v3" ? "/api/graphql" : `${apiPrefix}/graphql`;

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = requestUrl(request, urls.web);
    const pathname = url.pathname;
    if (pathname.startsWith("/_fake/")) return controlApi(request, response, pathname, { state, violations, urls, traffic, rates, repo, app });
    if (pathname === graphqlPath && request.method === "POST")
      return graphqlDispatch(request, response, { state, urls, violations, traffic, rates, repo, now });
    if (git && gitPrefix && pathname.toLowerCase().startsWith(`${gitPrefix.toLowerCase()}/`)) return git(request, response, url);
    if (pathname === "/login/oauth/authorize") return oauthAuthorize(request, response, url, oauth);
    if (pathname === "/login/oauth/access_token" && request.method === "POST") return oauthAccessToken(request, response, url, oauth);
    if (apiPrefix === "" || pathname === apiPrefix || pathname.startsWith(`${apiPrefix}/`)) {
      return rest(request, response, url, pathname.slice(apiPrefix.length) || "/");
    }
    sendJson(response, 404, { message: "Not Found" });
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      violations.record(`${request.method} ${request.url}`, [`fake GitHub failed: ${error instanceof Error ? error.stack : String(error)}`]);
      if (!response.headersSent) sendJson(response, 500, { message: "fake GitHub failed" });
      else response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  urls.web = `http://127.0.0.1:${port}`;
  urls.api = `${urls.web}${apiPrefix}`;

  return {
    url: urls.web,
    apiUrl: urls.api,
    violations: () => violations.list(),
    cloneUrl: gitPrefix && `${urls.web}${gitPrefix}`,
    deliveriesSettled: () => repo?.hooks.settled() ?? Promise.resolve(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
