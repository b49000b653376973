import type { RepoContext } from "./repo-context";
import type { FakePull } from "./repo-store";
import { errorBody, notFound, type RestRequest, type RestResult } from "./rest-operation";
import { hasAnyScope } from "./scopes";

export type RepoHandler = (request: RestRequest, repo: RepoContext) => RestResult | Promise<RestResult>;

/**
 * Runs a handler for the configured repository only. Note: the repository is
 * private, so like GitHub the fake answers 404 (not 403) to a token without
 * the `repo` scope, and for any other owner/name.
 */
export function forRepo(handler: RepoHandler) {
  return (request: RestRequest): RestResult | Promise<RestResult> => {
    const repo = request.repo;
    const { owner = "", repo: name = "" } = request.params;
    if (!repo || owner.toLowerCase() !== repo.owner.toLowerCase() || name.toLowerCase() !== repo.name.toLowerCase()) return notFound(request);
    if (!hasAnyScope(request.token.scopes, ["repo"])) return notFound(request);
    return handler(request, repo);
  };
}

/** GitHub's 422 `validation-error` with one error (pulls/create style). */
export function validationFailed(request: RestRequest, error: { resource: string; code: string; field?: string; message?: string }): RestResult {
  return { status: 422, body: { message: "Validation Failed", errors: [error], documentation_url: request.documentationUrl, status: "422" } };
}

/** GitHub's 422 with a message only (git data style: "Reference already exists"). */
export function unprocessable(request: RestRequest, message: string): RestResult {
  return { status: 422, body: errorBody(422, message, request.documentationUrl) };
}

export const bodyOf = (request: RestRequest) => (request.body ?? {}) as Record<string, unknown>;

export function findPull(request: RestRequest, repo: RepoContext): FakePull | undefined {
  const number = request.params.pull_number ?? request.params.issue_number ?? "";
  return /^\d+$/.test(number) ? repo.store.pull(Number(number)) : undefined;
}
