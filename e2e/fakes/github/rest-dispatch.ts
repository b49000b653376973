import { createHash, randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AppContext } from "./app-context";
import type { FakeUrls } from "./github-objects";
import type { GitHubState } from "./github-state";
import { parseJson, readBody, sendJson } from "./http-io";
import { matchOperation } from "./match-operation";
import type { OpenApiValidator } from "./openapi-validator";
import type { RepoContext } from "./repo-context";
import { errorBody, type RestOperation, type RestResult } from "./rest-operation";
import type { RateWindows } from "./rate-windows";
import type { Traffic } from "./traffic";
import type { Violations } from "./violations";
import type { FakeToken } from "./github-state";

export interface RestContext {
  operations: readonly RestOperation[];
  state: GitHubState;
  urls: FakeUrls;
  validator: OpenApiValidator;
  violations: Violations;
  traffic: Traffic;
  rates: RateWindows;
  repo?: RepoContext;
  /** Further repositories served by the same operations; a request is served by the one its {owner}/{repo} names. */
  moreRepos?: readonly RepoContext[];
  app?: AppContext;
  now: () => number;
}

/** The repository a request's path names, if the fake hosts it; else the main one (whose handlers then answer 404). */
function repoFor(context: RestContext, params: Record<string, string>): RepoContext | undefined {
  const { owner, repo: name } = params;
  if (owner === undefined || name === undefined) return context.repo;
  const named = (r: RepoContext) => r.owner.toLowerCase() === owner.toLowerCase() && r.name.toLowerCase() === name.toLowerCase();
  return (context.moreRepos ?? []).find(named) ?? context.repo;
}

/**
 * Serves one REST request: find the operation, authenticate, run the
 * handler, and check what goes in and out against GitHub's description. A
 * mismatch answers 500 (422 for a request body) so the test that caused it
 * fails instead of passing against a GitHub that does not exist.
 */
export function restDispatcher(context: RestContext) {
  const rateHeaders = (key: string) => context.rates.charge(key, "core");

  return async function dispatch(request: IncomingMessage, response: ServerResponse, url: URL, pathname: string) {
    const { state, urls, validator, violations } = context;
    const method = request.method ?? "GET";
    const requestId = randomRequestId();
    const base = { "x-github-media-type": "github.v3; format=json", "x-github-request-id": requestId };

    const matched = matchOperation(context.operations, method, pathname);
    if (!matched) {
      violations.record(`${method} ${url.pathname}`, ["the fake does not serve this endpoint (add it to rest-operations.ts)"]);
      return sendJson(response, 404, errorBody(404, "Not Found", "https://docs.github.com/rest"), base);
    }
    const { operation, params } = matched;
    const label = `${method} ${url.pathname} (${operation.operationId})`;
    context.traffic.count(method, operation.operationId);
    const delay = context.traffic.takeDelay(method, pathname);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    const injected = context.traffic.takeFailure(method, pathname);
    if (injected !== undefined) {
      await readBody(request);
      return sendInjected(injected);
    }

    const bearer = /^(?:bearer|token)\s+(\S+)$/i.exec(request.headers.authorization ?? "")?.[1];
    if (operation.authentication === "app") return dispatchAsApp(bearer);
    const found = bearer === undefined ? undefined : state.token(bearer);
    // Note: an expired installation token is refused like any bad token, as GitHub does.
    const token = found?.expiresAt !== undefined && found.expiresAt <= context.now() ? undefined : found;
    if (!token) {
      const message = bearer === undefined ? "Requires authentication" : "Bad credentials";
      // Note: GitHub answers 401 on every endpoint, whether or not its description lists it.
      const body = errorBody(401, message, "https://docs.github.com/rest");
      return send(401, body, { ...base, ...rateHeaders(bearer ?? "anonymous") }, validator.validateComponent("basic-error", body));
    }
    // GitHub reports OAuth scopes for OAuth tokens only.
    const scopeHeaders: Record<string, string> =
      token.expiresAt === undefined ? { "x-oauth-scopes": token.scopes.join(", "), "x-accepted-oauth-scopes": operation.acceptedScopes.join(", ") } : {};
    return serve(token, { ...base, ...rateHeaders(token.token), ...scopeHeaders });

    /** An App endpoint: the caller proves it is the App with an RS256 JWT signed by the App's key. */
    async function dispatchAsApp(jwt: string | undefined): Promise<void> {
      const app = context.app;
      const refusal = jwt === undefined ? "Requires authentication" : app ? app.checkJwt(jwt, context.now()) : "A JSON web token could not be decoded";
      if (refusal !== null || !app || jwt === undefined) {
        await readBody(request);
        const body = errorBody(401, refusal ?? "Bad credentials", "https://docs.github.com/rest");
        return send(401, body, base, validator.validateComponent("basic-error", body));
      }
      return serve({ token: jwt, login: app.botLogin, scopes: [] }, base);
    }

    async function serve(token: FakeToken, headers: Record<string, string>): Promise<void> {
      const body = parseJson(await readBody(request));
      const bodyProblems =
        body instanceof Error ? [`${operation.operationId} request: ${body.message}`] : validator.validateRequestBody(operation.operationId, body);
      if (bodyProblems.length > 0) {
        violations.record(label, bodyProblems);
        return sendJson(response, 422, { message: "fake GitHub: request body does not match GitHub's OpenAPI description", violations: bodyProblems }, headers);
      }

      let result: RestResult;
      try {
        result = await operation.handle({
          params,
          url,
          body,
          token,
          state,
          urls,
          documentationUrl: operation.documentationUrl,
          repo: repoFor(context, params),
          app: context.app,
          now: context.now,
        });
      } catch (error) {
        violations.record(label, [`handler threw: ${error instanceof Error ? error.stack : String(error)}`]);
        return sendJson(response, 500, { message: "fake GitHub: handler failed" }, headers);
      }
      return send(result.status, result.body, { ...headers, ...result.headers }, validator.validateResponse(operation.operationId, result.status, result.body));
    }

    /**
     * A GET's answer with its ETag; a request whose If-None-Match names it gets
     * 304 and no body, and (as on GitHub) is not counted against the rate limit.
     */
    function sendConditional(payload: unknown, sendHeaders: Record<string, string>): void {
      const etag = `"${createHash("sha256").update(JSON.stringify(payload)).digest("hex").slice(0, 40)}"`;
      const asked = request.headers["if-none-match"];
      if (asked !== undefined && asked.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag)) {
        const key = /^(?:bearer|token)\s+(\S+)$/i.exec(request.headers.authorization ?? "")?.[1] ?? "anonymous";
        context.rates.refund(key, "core");
        context.traffic.notModified();
        const remaining = Number(sendHeaders["x-ratelimit-remaining"] ?? 0) + 1;
        response.writeHead(304, { ...sendHeaders, etag, "x-ratelimit-remaining": String(remaining) });
        return void response.end();
      }
      sendJson(response, 200, payload, { ...sendHeaders, etag });
    }

    /** An injected failure, shaped like GitHub's own: a rate-limited 403, or a bare 5xx from its front end. */
    function sendInjected(status: number): void {
      const key = /^(?:bearer|token)\s+(\S+)$/i.exec(request.headers.authorization ?? "")?.[1] ?? "anonymous";
      if (status === 403 || status === 429) {
        const rate = rateHeaders(key);
        const reset = rate["x-ratelimit-reset"] ?? "0";
        const message = "API rate limit exceeded for user. (fake GitHub: injected by /_fake/fail-next)";
        return sendJson(response, status, errorBody(status, message, "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"), {
          ...base,
          ...rate,
          "x-ratelimit-remaining": "0",
          "retry-after": String(Math.max(Number(reset) - Math.floor(Date.now() / 1000), 1)),
        });
      }
      const message = status === 502 ? "Server Error" : status >= 500 ? "fake GitHub: injected by /_fake/fail-next" : "Injected failure";
      sendJson(response, status, { message, documentation_url: "https://docs.github.com/rest" }, base);
    }

    function send(status: number, payload: unknown, sendHeaders: Record<string, string>, problems: string[]): void {
      if (problems.length === 0 && method === "GET" && status === 200) return sendConditional(payload, sendHeaders);
      if (problems.length === 0) return sendJson(response, status, payload, sendHeaders);
      violations.record(label, problems);
      const message = "fake GitHub: response does not match GitHub's OpenAPI description";
      sendJson(response, 500, { message, violations: problems }, sendHeaders);
    }
  };
}

/** Shaped like GitHub's (`C0DE:1A2B:3C4D5E:6F7A8B:65F1A2B3`). */
function randomRequestId(): string {
  const hex = (bytes: number) => randomBytes(bytes).toString("hex").toUpperCase();
  return `${hex(2)}:${hex(2)}:${hex(3)}:${hex(3)}:${Math.floor(Date.now() / 1000)
    .toString(16)
    .toUpperCase()}`;
}
