/**
 * The fixed list of application error codes. Each maps to one HTTP status and
 * a message that is safe to show to a user.
 */
export const ERROR_CODES = {
  /** Input failed validation; `fields` names each bad field. */
  invalid_input: 422,
  /** The caller is not signed in. */
  unauthenticated: 401,
  /** The caller is signed in but may not do this. */
  forbidden: 403,
  /** The thing asked for does not exist (or is not visible to the caller). */
  not_found: 404,
  /** The request conflicts with current state (e.g. a name already taken). */
  conflict: 409,
  /** The request body is larger than the route accepts. */
  too_large: 413,
  /** The client made too many requests; the response says when to retry (Retry-After). */
  rate_limited: 429,
  /** A configured setting is missing or invalid. */
  misconfigured: 500,
  /** An outside system (git, GitHub, a cluster) failed. */
  upstream: 502,
  /** Berth's database is not answering now (restarting, or every connection busy); retry after Retry-After. */
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  /** For rate_limited and unavailable: seconds until the client may try again. */
  readonly retryAfterSeconds?: number;

  constructor(code: ErrorCode, message: string, fields?: Record<string, string>, retryAfterSeconds?: number) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fields = fields;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  get status(): number {
    return ERROR_CODES[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
