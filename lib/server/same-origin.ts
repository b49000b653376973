import { AppError } from "@/lib/errors";
import type { Env } from "@/lib/env";

/** An origin string, or null when the value is not a URL with one (`null`, garbage, `file:`). */
function originOf(value: string): string | null {
  try {
    const origin = new URL(value).origin;
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

/**
 * Note: the guard against cross-site requests on mutations (CSRF): browsers
 * send Origin on every cross-origin POST, and it must be Berth's own origin,
 * scheme, host and port, as NEXTAUTH_URL says. X-Forwarded-Host and Host are
 * not trusted: any client sets them. Without NEXTAUTH_URL (development) the
 * origin Next.js saw the request arrive on is used. Session cookies are also
 * SameSite=Lax, and a cross-site page cannot set the JSON content type or
 * custom headers without a preflight Berth never approves. A missing,
 * opaque (`null`) or malformed Origin is refused as a client error.
 */
export function assertSameOrigin(request: Request, env: Pick<Env, "NEXTAUTH_URL">): void {
  const header = request.headers.get("origin");
  if (!header) throw new AppError("forbidden", "Cross-site request refused: the Origin header is missing");
  const origin = originOf(header);
  if (!origin) throw new AppError("forbidden", "Cross-site request refused: the Origin header is not a web origin");
  const own = originOf(env.NEXTAUTH_URL ?? request.url);
  if (origin !== own) throw new AppError("forbidden", "Cross-site request refused");
}
