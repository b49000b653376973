import { namespacesDir } from "../profile/namespaces-dir";
import type { PlatformProfile } from "../profile/profile";

/** One file a pull request adds, modifies or deletes. */
export interface ChangedFile {
  /** Path from the repository root. */
  path: string;
  /** The file after the change; null when the change deletes it. */
  content: string | null;
  /** The file on the base branch (main); null when the change adds it. */
  previous: string | null;
}

/**
 * A pull request as the repository's checks see it: the files it changes,
 * the base branch (main) to compare against, and who opened it. The same
 * shape serves a new namespace, new resources and edits to existing files.
 */
export interface Change {
  files: ChangedFile[];
  /** Reads a file as it is on the base branch; null when absent. */
  readBase: (path: string) => string | null;
  /** The pull request's author and their GitHub team slugs; null when unknown (`berth check`). */
  author: { login: string; teams: readonly string[] } | null;
}

/** The outcome of one check, or of one problem a check found. */
export interface CheckResult {
  /** The repository check it mirrors, e.g. `check-permissions`. */
  id: string;
  status: "pass" | "fail" | "warn";
  message: string;
  /** Path from the repository root of the file at fault; null when the result is not about one file. */
  file: string | null;
}

/** Where a path sits among the namespace folders: `namespaces/<domain>/<name>/<rel>`; null outside them. */
export interface NamespacePath {
  domain: string;
  name: string;
  /** `<namespacesDir>/<domain>/<name>` */
  folder: string;
  /** Path inside the folder. */
  rel: string;
  /** The domain is one of the profile's (live) clusters. */
  live: boolean;
}

export function namespacePath(path: string, profile: PlatformProfile): NamespacePath | null {
  const root = `${namespacesDir(profile)}/`;
  if (!path.startsWith(root)) return null;
  const parts = path.slice(root.length).split("/");
  if (parts.length < 3 || !parts[0] || !parts[1]) return null;
  const [domain, name] = parts as [string, string];
  return { domain, name, folder: `${root}${domain}/${name}`, rel: parts.slice(2).join("/"), live: profile.clusters.some((c) => c.domain === domain) };
}

/** The results, or one pass result with `passed` when there are none. */
export function orPass(id: string, problems: CheckResult[], passed: string): CheckResult[] {
  return problems.length > 0 ? problems : [{ id, status: "pass", message: passed, file: null }];
}

/** A base-branch reader over a map of paths to contents. */
export function baseFrom(files: ReadonlyMap<string, string> | Record<string, string>): (path: string) => string | null {
  const map = files instanceof Map ? files : new Map(Object.entries(files));
  return (path) => map.get(path) ?? null;
}
