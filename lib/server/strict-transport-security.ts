import type { Env } from "@/lib/env";

/**
 * The HSTS header value when Berth is served over HTTPS (NEXTAUTH_URL is
 * https://), else null: over plain HTTP (the demo, tests) the header would be
 * ignored at best and pin a development host name at worst.
 */
export function strictTransportSecurity(env: Pick<Env, "NEXTAUTH_URL">): string | null {
  return env.NEXTAUTH_URL?.startsWith("https://") ? "max-age=31536000; includeSubDomains" : null;
}
