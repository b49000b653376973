/**
 * OAuth scopes as GitHub grants them: a broader scope includes narrower ones
 * (`user` covers `read:user` and `user:email`, `admin:org` covers `write:org`
 * covers `read:org`), so a check asks "does any granted scope cover one of the
 * accepted ones", the way GitHub answers with `x-accepted-oauth-scopes`.
 */
const IMPLIED: Record<string, string[]> = {
  user: ["read:user", "user:email", "user:follow"],
  repo: ["repo:status", "repo_deployment", "public_repo", "repo:invite", "security_events"],
  "admin:org": ["write:org", "read:org"],
  "write:org": ["read:org"],
  "admin:repo_hook": ["write:repo_hook", "read:repo_hook"],
  "write:repo_hook": ["read:repo_hook"],
};

/** Splits a requested scope string (GitHub accepts spaces or commas), dedupes and sorts it. */
export function parseScopes(raw: string | null | undefined): string[] {
  const scopes = (raw ?? "").split(/[\s,]+/).filter(Boolean);
  return [...new Set(scopes)].sort();
}

function expand(granted: readonly string[]): Set<string> {
  const all = new Set<string>();
  const visit = (scope: string): void => {
    if (all.has(scope)) return;
    all.add(scope);
    for (const implied of IMPLIED[scope] ?? []) visit(implied);
  };
  granted.forEach(visit);
  return all;
}

/** True when the granted scopes cover at least one accepted scope (or none are needed). */
export function hasAnyScope(granted: readonly string[], accepted: readonly string[]): boolean {
  if (accepted.length === 0) return true;
  const all = expand(granted);
  return accepted.some((scope) => all.has(scope));
}
