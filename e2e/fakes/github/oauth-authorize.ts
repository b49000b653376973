import type { IncomingMessage, ServerResponse } from "node:http";
import { authorizePage, errorPage } from "./authorize-page";
import { parseParams, readBody, send } from "./http-io";
import { CODE_LIFETIME_MS, type OAuthContext } from "./oauth-context";
import { checkOAuth } from "./oauth-schemas";
import { parseScopes } from "./scopes";

const HTML = { "content-type": "text/html; charset=utf-8" };

/**
 * `GET /login/oauth/authorize` shows the consent page; its form POSTs back
 * here with `login`, and the answer is GitHub's redirect to the app with a
 * single-use code and the app's state.
 */
export async function oauthAuthorize(request: IncomingMessage, response: ServerResponse, url: URL, context: OAuthContext) {
  const params = parseParams(await readBody(request), request.headers["content-type"], url);
  const problems = checkOAuth("authorizeRequest", params);
  if (problems.length > 0) {
    context.violations.record(`${request.method} /login/oauth/authorize`, problems);
    return send(response, 400, errorPage("Bad request", problems.join("; ")), HTML);
  }
  if (params.client_id !== context.clientId) {
    return send(response, 404, errorPage("Not found", `No OAuth app has the client_id ${params.client_id}.`), HTML);
  }
  const redirectUri = parseRedirectUri(params.redirect_uri);
  if (!redirectUri) {
    const message = "The redirect_uri is missing or is not an http(s) URL; the fake has no registered callback URL to fall back to.";
    return send(response, 400, errorPage("Redirect URI mismatch", message), HTML);
  }
  const scopes = parseScopes(params.scope);

  if (request.method !== "POST") {
    return send(response, 200, authorizePage(params, scopes, context.state.users()), HTML);
  }
  const user = context.state.user(params.login ?? "");
  if (!user) return send(response, 400, errorPage("Unknown user", `There is no user ${params.login ?? ""}.`), HTML);

  const code = context.state.putCode({
    clientId: context.clientId,
    login: user.login,
    scopes,
    redirectUri: redirectUri.toString(),
    expiresAt: context.now() + CODE_LIFETIME_MS,
    codeChallenge: params.code_challenge ? { value: params.code_challenge, method: params.code_challenge_method === "plain" ? "plain" : "S256" } : undefined,
  });
  redirectUri.searchParams.set("code", code);
  if (params.state !== undefined) redirectUri.searchParams.set("state", params.state);
  send(response, 302, undefined, { location: redirectUri.toString() });
}

function parseRedirectUri(raw: string | undefined): URL | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw);
    return url.protocol === "http:" || url.protocol === "https:" ? url : undefined;
  } catch {
    return undefined;
  }
}
