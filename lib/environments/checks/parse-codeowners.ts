/** One CODEOWNERS rule: a pattern and its owners. */
export interface CodeownersRule {
  pattern: string;
  owners: string[];
  matches: (path: string) => boolean;
}

function toRegExp(pattern: string): RegExp {
  const anchored = pattern.startsWith("/") || pattern.slice(0, -1).includes("/");
  const dir = pattern.endsWith("/");
  const body = pattern
    .replace(/^\//, "")
    .replace(/\/$/, "")
    .split(/(\*\*\/?|\*|\?)/)
    .map((part) =>
      part === "**/" || part === "**"
        ? "(?:.*/)?" + (part === "**" ? ".*" : "")
        : part === "*"
          ? "[^/]*"
          : part === "?"
            ? "[^/]"
            : part.replace(/[.+^${}()|[\]\\]/g, "\\$&"),
    )
    .join("");
  return new RegExp(`${anchored ? "^" : "(?:^|/)"}${body}${dir ? "/" : "(?:$|/)"}`);
}

/** Reads a CODEOWNERS file (GitHub's format: `pattern @owner...`, `#` comments, the last matching rule wins). */
export function parseCodeowners(text: string): CodeownersRule[] {
  const rules: CodeownersRule[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.replace(/(^|\s)#.*$/, "").trim();
    if (!line) continue;
    const [pattern, ...owners] = line.split(/\s+/);
    const re = pattern === "*" ? /.*/ : toRegExp(pattern!);
    rules.push({ pattern: pattern!, owners, matches: (path) => re.test(path) });
  }
  return rules;
}

/** The owners whose approval each path needs (the last matching rule per path), unioned over the paths, in order of first appearance. */
export function ownersFor(rules: CodeownersRule[], paths: string[]): string[] {
  const owners = new Set<string>();
  for (const path of paths) {
    const rule = rules.findLast((r) => r.matches(path));
    for (const o of rule?.owners ?? []) owners.add(o);
  }
  return [...owners];
}

/** Where GitHub looks for CODEOWNERS, in its order. */
export const CODEOWNERS_PATHS = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"] as const;
