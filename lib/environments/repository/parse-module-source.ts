export interface ModuleSourceParts {
  /** Short name: the source's last path segment (for a registry source, its name segment) minus the profile's prefix. */
  module: string;
  /** `?ref=` of the source; null when absent. */
  ref: string | null;
}

const FORCED_GETTER = /^[a-z0-9]+::/i;
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const ARCHIVE = /\.(zip|tar\.gz|tgz|tar\.bz2|tbz2|tar\.xz|txz|tar)$/i;
/** `<namespace>/<name>/<provider>`, optionally behind a registry host. */
const REGISTRY = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?\/)?[a-z0-9][a-z0-9_-]*\/[a-z0-9][a-z0-9_-]*\/[a-z0-9]+$/i;
const VCS_HOSTS = /^(github\.com|bitbucket\.org|gitlab\.com)\//i;

/**
 * Interprets a Terraform module `source`: git URLs (plain, `git::`, scp-style),
 * GitHub shorthand, registry addresses, local paths and archives. Never throws;
 * an unreadable source yields its text as the short name.
 */
export function parseModuleSource(source: string, modulePrefix: string): ModuleSourceParts {
  let s = source.trim().replace(FORCED_GETTER, "");
  let ref: string | null = null;
  const q = s.indexOf("?");
  if (q >= 0) {
    for (const pair of s.slice(q + 1).split("&")) {
      const [key, value] = pair.split("=", 2);
      if (key === "ref" && value) ref = safeDecode(value);
    }
    s = s.slice(0, q);
  }
  const local = s.startsWith("./") || s.startsWith("../") || s.startsWith("/");
  if (!local) {
    s = s.replace(SCHEME, "");
    const subdir = s.indexOf("//");
    if (subdir >= 0) s = s.slice(0, subdir);
  }
  s = s.replace(/\/+$/, "");

  let segment: string;
  if (!local && REGISTRY.test(s) && !VCS_HOSTS.test(s)) {
    const parts = s.split("/");
    segment = parts[parts.length - 2]!;
  } else {
    const parts = s.split(/[/:]/);
    segment = parts[parts.length - 1] ?? s;
    segment = segment.replace(/\.git$/i, "").replace(ARCHIVE, "");
  }
  const shortName = modulePrefix && segment.startsWith(modulePrefix) && segment.length > modulePrefix.length ? segment.slice(modulePrefix.length) : segment;
  return { module: shortName || source.trim(), ref };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
