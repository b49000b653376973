import type { IncomingMessage, ServerResponse } from "node:http";
import { graphql, parse, validate, type GraphQLError } from "graphql";
import type { FakeUrls } from "./github-objects";
import type { GitHubState } from "./github-state";
import { graphqlRoot } from "./graphql-objects";
import { githubSchema } from "./graphql-schema";
import { parseJson, readBody, sendJson } from "./http-io";
import type { RateWindows } from "./rate-windows";
import type { RepoContext } from "./repo-context";
import type { Traffic } from "./traffic";
import type { Violations } from "./violations";

export interface GraphqlContext {
  state: GitHubState;
  urls: FakeUrls;
  violations: Violations;
  traffic: Traffic;
  rates: RateWindows;
  repo?: RepoContext;
  now: () => number;
}

/** GitHub's error shape: `type` (NOT_FOUND, ...) beside message, locations and path. */
function githubError(error: GraphQLError) {
  const type = (error.originalError as { extensions?: { type?: string } } | undefined)?.extensions?.type ?? error.extensions?.type;
  return { ...(type ? { type } : {}), path: error.path, locations: error.locations, message: error.message };
}

/**
 * `POST /graphql` (`/api/graphql` beside `/api/v3`, as on GHES). Every query
 * is validated against GitHub's published schema; one that is not valid
 * GitHub GraphQL is a violation and answers 500, so the test that sent it
 * fails. A valid one is executed against the schema itself, with resolvers
 * over the fake's repository, so every answer has the schema's shape.
 */
export async function graphqlDispatch(request: IncomingMessage, response: ServerResponse, context: GraphqlContext): Promise<void> {
  const body = parseJson(await readBody(request)) as { query?: unknown; variables?: unknown; operationName?: unknown } | Error | undefined;
  context.traffic.count("POST", "graphql");
  const bearer = /^(?:bearer|token)\s+(\S+)$/i.exec(request.headers.authorization ?? "")?.[1];
  const token = bearer === undefined ? undefined : context.state.token(bearer);
  if (!token || (token.expiresAt !== undefined && token.expiresAt <= context.now())) {
    return sendJson(response, 401, { message: "This endpoint requires you to be authenticated.", documentation_url: "https://docs.github.com/graphql" });
  }
  const headers = context.rates.charge(token.token, "graphql");
  const label = "POST /graphql";
  if (!body || body instanceof Error || typeof body.query !== "string") {
    context.violations.record(label, ["the body must be JSON with a query string"]);
    return sendJson(response, 500, { message: "fake GitHub: not a GraphQL request" }, headers);
  }
  const schema = githubSchema();
  let problems: string[];
  try {
    problems = validate(schema, parse(body.query)).map((e) => e.message);
  } catch (error) {
    problems = [(error as Error).message];
  }
  if (problems.length > 0) {
    context.violations.record(
      label,
      problems.map((p) => `query is not valid against GitHub's schema: ${p}`),
    );
    return sendJson(
      response,
      500,
      { message: "fake GitHub: query does not match GitHub's GraphQL schema", errors: problems.map((message) => ({ message })) },
      headers,
    );
  }
  const result = await graphql({
    schema,
    source: body.query,
    rootValue: graphqlRoot(context.repo, context.urls),
    variableValues: (body.variables ?? undefined) as Record<string, unknown> | undefined,
    operationName: typeof body.operationName === "string" ? body.operationName : undefined,
  });
  const unexpected = (result.errors ?? []).filter((e) => !githubError(e).type);
  if (unexpected.length > 0)
    context.violations.record(
      label,
      unexpected.map((e) => `resolver failed: ${e.message}`),
    );
  sendJson(response, 200, { data: result.data ?? null, ...(result.errors ? { errors: result.errors.map(githubError) } : {}) }, headers);
}
