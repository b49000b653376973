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

/**
 * Marks an error as one of the class `name`, in a way every copy of the
 * class's module agrees on (a registered symbol): Next bundles
 * instrumentation, which builds the services and with them the git provider,
 * apart from each route, so an error the provider throws is an instance of
 * another copy of its class than the one a route's use-case imports, and a
 * plain `instanceof` misses it (a local merge that conflicted answered 500).
 * A class brands its instances here and answers `instanceof` with hasErrorBrand.
 */
export function brandError(error: Error, name: string): void {
  Object.defineProperty(error, Symbol.for(`berth.error.${name}`), { value: true });
}

export function hasErrorBrand(value: unknown, name: string): boolean {
  return typeof value === "object" && value !== null && Symbol.for(`berth.error.${name}`) in value;
}

export class AppError extends Error {
  static [Symbol.hasInstance](value: unknown): boolean {
    return hasErrorBrand(value, "AppError");
  }

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
    brandError(this, "AppError");
  }

  get status(): number {
    return ERROR_CODES[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
