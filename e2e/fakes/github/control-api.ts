import type { IncomingMessage, ServerResponse } from "node:http";
import type { AppContext } from "./app-context";
import type { GitHubState } from "./github-state";
import { parseJson, readBody, sendJson } from "./http-io";
import { repoControlApi, type RepoControlContext } from "./repo-control-api";
import { parseScopes } from "./scopes";
import type { Violations } from "./violations";

export interface ControlContext extends RepoControlContext {
  state: GitHubState;
  violations: Violations;
  app?: AppContext;
}

type Body = Record<string, unknown>;

const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === "string");
const optionalString = (value: unknown) => value === undefined || value === null || typeof value === "string";

/**
 * `/_fake/...`: how tests arrange the world. Not GitHub's API, so not
 * checked against its description; bad input answers 422 with the reason.
 */
export async function controlApi(request: IncomingMessage, response: ServerResponse, pathname: string, context: ControlContext) {
  const { state, violations } = context;
  const method = request.method ?? "GET";
  const raw = parseJson(await readBody(request));
  const body: Body = raw && typeof raw === "object" && !(raw instanceof Error) ? (raw as Body) : {};
  const invalid = (message: string) => sendJson(response, 422, { message });

  if (method === "GET" && pathname === "/_fake/health") return sendJson(response, 200, { ok: true });

  if (method === "POST" && pathname === "/_fake/users") {
    const { login, name, email, teams, orgMember } = body;
    if (typeof login !== "string" || !/^[A-Za-z0-9-]+$/.test(login)) return invalid("login must be a GitHub login");
    if (!optionalString(name) || !optionalString(email)) return invalid("name and email must be strings");
    if (!isStringArray(teams)) return invalid("teams must be an array of team slugs");
    if (typeof orgMember !== "boolean") return invalid("orgMember must be a boolean");
    const user = state.putUser({ login, name: name as string | undefined, email: email as string | undefined, teams, orgMember });
    return sendJson(response, 201, { id: user.id, login: user.login });
  }

  const userRoute = /^\/_fake\/users\/([^/]+)\/(teams|membership)$/.exec(pathname);
  if (method === "PUT" && userRoute) {
    const user = state.user(decodeURIComponent(userRoute[1] ?? ""));
    if (!user) return sendJson(response, 404, { message: "no such user" });
    const update = { ...user, teams: [...user.teams] };
    if (userRoute[2] === "teams") {
      if (!isStringArray(body.teams)) return invalid("teams must be an array of team slugs");
      update.teams = body.teams;
    } else {
      if (typeof body.orgMember !== "boolean") return invalid("orgMember must be a boolean");
      update.orgMember = body.orgMember;
    }
    const saved = state.putUser(update);
    return sendJson(response, 200, { id: saved.id, login: saved.login, teams: [...saved.teams].sort(), orgMember: saved.orgMember });
  }

  if (method === "POST" && pathname === "/_fake/tokens") {
    if (typeof body.login !== "string" || !state.user(body.login)) return invalid("login must name an existing user");
    if (!isStringArray(body.scopes)) return invalid("scopes must be an array of OAuth scopes");
    return sendJson(response, 201, { token: state.issueToken(body.login, parseScopes(body.scopes.join(" "))).token });
  }

  if (method === "PUT" && pathname === "/_fake/app/token-lifetime") {
    if (!context.app) return sendJson(response, 404, { message: "the fake was started without an app" });
    const seconds = body.seconds;
    if (typeof seconds !== "number" || !Number.isInteger(seconds) || seconds < 1) return invalid("seconds must be a positive integer");
    context.app.tokenLifetimeSeconds = seconds;
    return sendJson(response, 200, { seconds });
  }

  if (pathname === "/_fake/violations" && method === "GET") return sendJson(response, 200, { violations: violations.list() });
  if (pathname === "/_fake/violations" && method === "DELETE") {
    violations.clear();
    return sendJson(response, 204, undefined);
  }
  if (await repoControlApi(method, pathname, body, response, context)) return;
  sendJson(response, 404, { message: `no control endpoint ${method} ${pathname}` });
}
