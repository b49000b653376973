/** What a session cookie decodes to, as far as Berth reads it. */
export type SessionToken = Record<string, unknown>;

export interface SessionTokenCacheOptions {
  max: number;
  now: () => number;
}

export type SessionTokenCache = ReturnType<typeof createSessionTokenCache>;

/**
 * Session ids by session cookie, in this process. Decoding a cookie derives
 * the key from the secret (HKDF) and decrypts the token on every request: a
 * few milliseconds of CPU that every page and API call paid, measured under
 * `npm run load`. A cookie's value always decodes to the same token, so a
 * genuine one is remembered until its own expiry; a cookie that does not
 * decode is never remembered (it costs its sender the decode each time).
 * What the session may do is still read through the viewer cache and the
 * session store: this only skips the cryptography.
 */
export function createSessionTokenCache(options: SessionTokenCacheOptions) {
  const entries = new Map<string, { sid: string; expiresAt: number }>();
  return {
    async sessionId(cookie: string, decode: (cookie: string) => Promise<SessionToken | null>): Promise<string | null> {
      const hit = entries.get(cookie);
      if (hit && options.now() < hit.expiresAt) return hit.sid;
      if (hit) entries.delete(cookie);
      const token = await decode(cookie).catch(() => null);
      const sid = typeof token?.sid === "string" ? token.sid : null;
      const expiresAt = typeof token?.exp === "number" ? token.exp * 1000 : null;
      if (sid && expiresAt !== null && options.now() < expiresAt) {
        if (entries.size >= options.max) entries.delete(entries.keys().next().value!);
        entries.set(cookie, { sid, expiresAt });
      }
      return sid;
    },
    size: () => entries.size,
  };
}
