/**
 * Where @octokit/auth-app keeps installation tokens, keyed by installation.
 * Its value is `token|createdAt|expiresAt|...` (auth-app's own format).
 */
export interface InstallationTokenCache {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
  /** Drops every token, so the next call mints a new one (GitHub refused the cached one). */
  clear(): void;
}

/** Tokens are replaced this long before GitHub's `expires_at`, so a git fetch or a retried call never starts on a dying one. */
export const REFRESH_BEFORE_EXPIRY_MS = 5 * 60_000;

/**
 * An installation token cache that believes GitHub's `expires_at`.
 * Note: auth-app's default cache keeps a token 59 minutes from when it was
 * cached, whatever `expires_at` says, so a token that GitHub expires earlier
 * (a clock skew, a shorter lifetime on GitHub Enterprise Server) would be
 * sent until it failed; this one never hands out a token within
 * REFRESH_BEFORE_EXPIRY_MS of its expiry.
 */
export function createInstallationTokenCache(now: () => number = () => Date.now()): InstallationTokenCache {
  const entries = new Map<string, string>();
  return {
    get(key) {
      const value = entries.get(key);
      if (value === undefined) return undefined;
      const expiresAt = Date.parse(value.split("|")[2] ?? "");
      if (Number.isFinite(expiresAt) && expiresAt - REFRESH_BEFORE_EXPIRY_MS > now()) return value;
      entries.delete(key);
      return undefined;
    },
    set(key, value) {
      entries.set(key, value);
    },
    clear() {
      entries.clear();
    },
  };
}
