import type { AppContext } from "./app-context";
import type { FakeToken, GitHubState } from "./github-state";
import type { FakeUrls } from "./github-objects";
import type { RepoContext } from "./repo-context";
import { paginate } from "./paginate";

/** What a handler sees: the caller is already authenticated. */
export interface RestRequest {
  params: Record<string, string>;
  /** The full URL the client called (its own host and prefix), for Link headers. */
  url: URL;
  body: unknown;
  token: FakeToken;
  state: GitHubState;
  urls: FakeUrls;
  /** GitHub's documentation page for this operation, for error bodies. */
  documentationUrl: string;
  /** The one repository, when the fake was started with one. */
  repo?: RepoContext;
  /** The GitHub App, when the fake was started with one. */
  app?: AppContext;
  /** The fake's clock (milliseconds since the epoch). */
  now: () => number;
}

export interface RestResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * One row of the router: the fake serves exactly the operations listed, each
 * named by GitHub's operationId so its responses are checked against GitHub's
 * description of that operation.
 */
export interface RestOperation {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** GitHub's path template, e.g. `/orgs/{org}/members/{username}`. */
  path: string;
  operationId: string;
  /** Sent as `x-accepted-oauth-scopes`; a handler decides what a missing scope means. */
  acceptedScopes: string[];
  /** "app": called with the App's JWT (verified before the handler runs) instead of a token. */
  authentication?: "app";
  documentationUrl: string;
  handle(request: RestRequest): RestResult | Promise<RestResult>;
}

/** GitHub's error body (`basic-error`). */
export function errorBody(status: number, message: string, documentationUrl: string) {
  return { message, documentation_url: documentationUrl, status: String(status) };
}

export function notFound(request: RestRequest): RestResult {
  return { status: 404, body: errorBody(404, "Not Found", request.documentationUrl) };
}

/** A 200 with one page of a list and, when there are more pages, GitHub's Link header. */
export function listResult(items: readonly unknown[], request: RestRequest): RestResult {
  const page = paginate(items, request.url);
  return { status: 200, body: page.items, headers: page.link ? { link: page.link } : undefined };
}
