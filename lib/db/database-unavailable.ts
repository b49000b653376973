// Prisma's codes for "no answer now": can't reach or timed out (P1001, P1002), connection closed (P1017),
// no pooled connection in time (P2024), a transaction could not start in time (P2028).
const UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1017", "P2024", "P2028"]);
// A raw query's failure (P2010) carries the driver's reason in its message.
const UNREACHABLE_MESSAGE = /Can't reach database server|Connection terminated|ECONNREFUSED|ECONNRESET|server closed the connection|terminating connection/i;

/**
 * Whether an error means the database is not answering now (down,
 * restarting, or every connection busy): a reason to answer 503 and retry
 * later, not a bug.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
  return code === "P2010" && UNREACHABLE_MESSAGE.test(String(message));
}
