import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { buildSchema, type GraphQLSchema } from "graphql";

let schema: GraphQLSchema | undefined;

/**
 * GitHub's published GraphQL schema (@octokit/graphql-schema), built once per
 * process. Note: the published SDL defines two fields twice, which graphql-js
 * refuses to validate; assumeValidSDL builds it as GitHub serves it.
 */
export function githubSchema(): GraphQLSchema {
  if (schema) return schema;
  const require = createRequire(__filename);
  // Note: the package exports only an ESM index; the SDL is found in the node_modules folders Node would search.
  const file = (require.resolve.paths("@octokit/graphql-schema") ?? [])
    .map((folder) => path.join(folder, "@octokit", "graphql-schema", "schema.graphql"))
    .find((candidate) => existsSync(candidate));
  if (!file) throw new Error("@octokit/graphql-schema is not installed");
  const sdl = readFileSync(file, "utf8");
  schema = buildSchema(sdl, { assumeValidSDL: true });
  return schema;
}
