/** Where a callback may go when the value is missing or points elsewhere: the overview. */
const FALLBACK = "/";
/** A base for resolving paths when Berth's own URL is not configured; only its origin matters. */
const PLACEHOLDER_ORIGIN = "http://berth.invalid";

/**
 * Note: a callback URL from the query must never send people to another site
 * (an open redirect). A prefix check is not enough: browsers read `/\host`
 * as `//host`, and strip tabs and newlines, so `/<TAB>/host` is `//host` too.
 * The value is resolved the way a browser would, against Berth's own origin,
 * and accepted only if it stays on that origin; what is returned is the
 * normalised path, query and fragment, never the raw value.
 */
export function safeCallback(value: string | string[] | undefined, ownUrl?: string): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw || !raw.startsWith("/")) return FALLBACK;
  let origin: string;
  try {
    origin = new URL(ownUrl ?? PLACEHOLDER_ORIGIN).origin;
  } catch {
    origin = PLACEHOLDER_ORIGIN;
  }
  let resolved: URL;
  try {
    resolved = new URL(raw, origin);
  } catch {
    return FALLBACK;
  }
  if (resolved.origin !== origin) return FALLBACK;
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}
