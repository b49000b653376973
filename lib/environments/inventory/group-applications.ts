import type { NamespaceRecord } from "../types";

type Identity = Pick<NamespaceRecord, "sourceCode" | "application">;

/**
 * Which application a namespace belongs to, as a URL-safe key: the name of
 * its source-code repository (`github.com/<org>/<repo>`, however written),
 * else its application annotation. Namespaces of one application in several
 * environments (`foo-dev`, `foo-staging`, `foo-prod`) share it; null when
 * the folder says neither.
 */
export function applicationKey(ns: Identity): string | null {
  const repo = ns.sourceCode && /github\.com[/:]([^/\s]+)\/([^/\s#?]+?)(?:\.git)?\/?(?:[#?].*)?$/i.exec(ns.sourceCode.trim());
  if (repo) return slug(repo[2]!);
  return ns.application ? slug(ns.application) || null : null;
}

/**
 * The namespaces of one application, in the order an image travels: by the
 * profile's environments (development first, production last), production
 * after everything else, then by name.
 */
export function applicationGroup(namespaces: readonly NamespaceRecord[], key: string, environments: readonly string[]): NamespaceRecord[] {
  const rank = (ns: NamespaceRecord) => {
    const index = environments.findIndex((e) => e.toLowerCase() === ns.environment?.toLowerCase());
    return (ns.isProduction ? 1000 : 0) + (index === -1 ? environments.length : index);
  };
  return namespaces.filter((ns) => applicationKey(ns) === key).sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/** Where production's images are compared: the last non-production environment before it (staging, preprod). */
export function stagingOf(group: readonly NamespaceRecord[]): NamespaceRecord | null {
  return group.filter((ns) => !ns.isProduction).at(-1) ?? null;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 100);
}
