import { readHclBlocks } from "../render/read-hcl-blocks";
import type { AwsProviderTags } from "../types";

/**
 * The `aws` provider blocks of a Terraform file and the keys of each one's
 * `default_tags { tags = { ... } }`, for the index: a scanner (readHclBlocks),
 * not a parser, so indexing thousands of main.tf files stays cheap. A
 * provider without default_tags has no keys; one whose tags are an
 * expression (`local.tags`, `merge(...)`) has `tags: null` (unknown).
 */
export function scanProviderTags(text: string): AwsProviderTags[] {
  if (!text.includes("provider")) return [];
  return readHclBlocks(text)
    .filter((b) => b.type === "provider" && b.labels[0] === "aws")
    .map((b) => {
      const alias = b.attributes.get("alias");
      const defaultTags = b.nested.get("default_tags");
      const tags = defaultTags?.get("tags");
      return {
        alias: alias === undefined ? null : alias.replace(/^"(.*)"$/, "$1"),
        tags: defaultTags === undefined ? [] : tags === undefined ? [] : objectKeys(tags),
      };
    });
}

/** The keys of an object literal's text (`{ a = 1, "b-c" = x }`); null when the text is not one. */
export function objectKeys(text: string): string[] | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) return null;
  const inner = trimmed.slice(1, -1);
  const keys: string[] = [];
  const entry = /(^|[,\n])[ \t]*(?:"([^"\n]*)"|([A-Za-z_][\w-]*))[ \t]*[=:]/g;
  for (let match = entry.exec(inner); match; match = entry.exec(inner)) {
    if (depthAt(inner, match.index) !== 0) continue;
    keys.push(match[2] ?? match[3]!);
    entry.lastIndex = match.index + match[0].length;
  }
  return keys;
}

/** Bracket depth at `at`, -1 inside a string. */
function depthAt(text: string, at: number): number {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < at; i++) {
    const c = text[i];
    if (c === '"' && text[i - 1] !== "\\") quoted = !quoted;
    else if (quoted) continue;
    else if (c === "{" || c === "[" || c === "(") depth++;
    else if (c === "}" || c === "]" || c === ")") depth--;
  }
  return quoted ? -1 : depth;
}
