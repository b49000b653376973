import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { PendingCode } from "./github-state";
import { JSON_TYPE, parseParams, readBody, send } from "./http-io";
import type { OAuthContext } from "./oauth-context";
import { checkOAuth } from "./oauth-schemas";

const TROUBLESHOOTING = "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/";

const ERRORS = {
  bad_verification_code: ["The code passed is incorrect or expired.", "#bad-verification-code"],
  incorrect_client_credentials: ["The client_id and/or client_secret passed are incorrect.", "#incorrect-client-credentials"],
  redirect_uri_mismatch: ["The redirect_uri MUST match the registered callback URL for this application.", "#redirect-uri-mismatch"],
} as const;

type OAuthError = keyof typeof ERRORS;

/**
 * `POST /login/oauth/access_token`: trades a code for a `gho_` token. Like
 * GitHub, a failure is still HTTP 200 with an `error` field, and the answer
 * is JSON only when the client asks for it.
 */
export async function oauthAccessToken(request: IncomingMessage, response: ServerResponse, url: URL, context: OAuthContext) {
  const params = parseParams(await readBody(request), request.headers["content-type"], url);
  // Standard OAuth clients may send the app's credentials as HTTP Basic auth instead.
  const basic = /^basic\s+(\S+)$/i.exec(request.headers.authorization ?? "")?.[1];
  if (basic) {
    const [id = "", secret = ""] = Buffer.from(basic, "base64").toString("utf8").split(":").map(decodeURIComponent);
    params.client_id ??= id;
    params.client_secret ??= secret;
  }
  const label = "POST /login/oauth/access_token";
  const problems = checkOAuth("accessTokenRequest", params);
  if (problems.length > 0) {
    context.violations.record(label, problems);
    return send(response, 422, JSON.stringify({ message: "fake GitHub: bad access_token request", violations: problems }), {
      "content-type": JSON_TYPE,
    });
  }

  const body = exchange(params, context);
  const answerProblems = checkOAuth("accessTokenResponse", body);
  if (answerProblems.length > 0) {
    context.violations.record(label, answerProblems);
    const message = "fake GitHub: access_token answer does not match GitHub's OAuth documentation";
    return send(response, 500, JSON.stringify({ message, violations: answerProblems }), { "content-type": JSON_TYPE });
  }

  if (request.headers.accept?.includes("application/json")) {
    return send(response, 200, JSON.stringify(body), { "content-type": JSON_TYPE });
  }
  send(response, 200, new URLSearchParams(body).toString(), { "content-type": "application/x-www-form-urlencoded; charset=utf-8" });
}

function exchange(params: Record<string, string>, context: OAuthContext): Record<string, string> {
  if (params.client_id !== context.clientId || params.client_secret !== context.clientSecret) {
    return oauthError("incorrect_client_credentials");
  }
  const pending = context.state.takeCode(params.code ?? "");
  if (!pending || pending.clientId !== params.client_id || pending.expiresAt <= context.now()) {
    return oauthError("bad_verification_code");
  }
  if (params.redirect_uri !== undefined && normalise(params.redirect_uri) !== pending.redirectUri) return oauthError("redirect_uri_mismatch");
  if (!verifierMatches(pending, params.code_verifier)) return oauthError("bad_verification_code");

  const token = context.state.issueToken(pending.login, pending.scopes);
  return { access_token: token.token, scope: token.scopes.join(","), token_type: "bearer" };
}

function normalise(uri: string): string {
  try {
    return new URL(uri).toString();
  } catch {
    return uri;
  }
}

function verifierMatches(pending: PendingCode, verifier: string | undefined): boolean {
  if (!pending.codeChallenge) return true;
  if (verifier === undefined) return false;
  const { value, method } = pending.codeChallenge;
  return method === "plain" ? verifier === value : createHash("sha256").update(verifier).digest("base64url") === value;
}

function oauthError(error: OAuthError): Record<string, string> {
  const [description, anchor] = ERRORS[error];
  return { error, error_description: description, error_uri: `${TROUBLESHOOTING}${anchor}` };
}
