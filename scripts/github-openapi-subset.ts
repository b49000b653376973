/**
 * Regenerates e2e/fakes/github/openapi-subset.json: the slice of GitHub's
 * published OpenAPI description (from @octokit/openapi) that the fake GitHub
 * serves: its operations, every component they reference, and the
 * description's version. Examples are left out; they are documentation and
 * would triple the file. Run after adding a row to the fake's operation table:
 *
 *   npx tsx scripts/github-openapi-subset.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { restOperations } from "../e2e/fakes/github/rest-operations";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export const DESCRIPTION_PATH = path.resolve(__dirname, "../node_modules/@octokit/openapi/generated/api.github.com.json");
export const SUBSET_PATH = path.resolve(__dirname, "../e2e/fakes/github/openapi-subset.json");

export interface ServedOperation {
  method: string;
  path: string;
  operationId: string;
}

export function githubOpenapiSubset(description: JsonObject, operations: readonly ServedOperation[]): JsonObject {
  const sourcePaths = description.paths as Record<string, JsonObject>;
  const paths: Record<string, JsonObject> = {};
  for (const { method, path: template, operationId } of operations) {
    const pathItem = sourcePaths[template];
    const operation = pathItem?.[method.toLowerCase()] as JsonObject | undefined;
    if (!pathItem || !operation) throw new Error(`GitHub's description has no ${method} ${template}`);
    if (operation.operationId !== operationId) {
      throw new Error(`${method} ${template} is ${String(operation.operationId)} in GitHub's description, not ${operationId}`);
    }
    const kept = (paths[template] ??= {});
    if (pathItem.parameters) kept.parameters = withoutExamples(pathItem.parameters);
    kept[method.toLowerCase()] = withoutExamples(operation);
  }

  const sourceComponents = description.components as Record<string, JsonObject>;
  const components: Record<string, JsonObject> = {};
  const pending = collectRefs(paths);
  for (let ref = pending.pop(); ref !== undefined; ref = pending.pop()) {
    const [, section = "", name = ""] = /^#\/components\/([^/]+)\/(.+)$/.exec(ref) ?? [];
    if (components[section]?.[name] !== undefined) continue;
    const component = sourceComponents[section]?.[name];
    if (component === undefined) throw new Error(`unresolvable reference ${ref}`);
    (components[section] ??= {})[name] = withoutExamples(component);
    pending.push(...collectRefs(component));
  }

  const info = description.info as JsonObject;
  return sortKeys({
    openapi: description.openapi ?? null,
    info: { title: info.title ?? null, version: info.version ?? null },
    paths,
    components,
  }) as JsonObject;
}

/** 2-space JSON with a final newline, the committed form. */
export function renderSubset(subset: JsonObject): string {
  return `${JSON.stringify(subset, null, 2)}\n`;
}

export function subsetFromInstalledPackage(): string {
  const description = JSON.parse(readFileSync(DESCRIPTION_PATH, "utf8")) as JsonObject;
  return renderSubset(githubOpenapiSubset(description, restOperations));
}

function collectRefs(value: Json | Record<string, Json>): string[] {
  if (Array.isArray(value)) return value.flatMap(collectRefs);
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, child]) => (key === "$ref" && typeof child === "string" ? [child] : collectRefs(child)));
}

/** Drops `examples` beside a `schema` (media types, parameters); JSON Schema's own keywords stay. */
function withoutExamples(value: Json): Json {
  if (Array.isArray(value)) return value.map(withoutExamples);
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value).filter(([key]) => !(key === "examples" && "schema" in value));
  return Object.fromEntries(entries.map(([key, child]) => [key, withoutExamples(child)]));
}

function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys(value[key] as Json)]),
  );
}

if (process.argv[1]?.endsWith("github-openapi-subset.ts")) {
  writeFileSync(SUBSET_PATH, subsetFromInstalledPackage());
  console.log(`wrote ${path.relative(process.cwd(), SUBSET_PATH)}`);
}
