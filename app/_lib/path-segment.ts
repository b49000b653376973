import { notFound } from "next/navigation";

/**
 * A page's dynamic segment as typed. Next.js hands pages their params
 * URL-encoded (route handlers get them decoded, and must not decode again).
 * Note: a malformed escape (`%E0`, a lone `%`) cannot name any namespace,
 * cluster or file, so it is a 404, not a URIError answered with 500.
 */
export function pathSegment(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    notFound();
  }
}
