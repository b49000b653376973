/** What a failed call tells about retrying it. */
interface HttpFailure {
  status?: number;
  response?: { headers?: Record<string, string | number | undefined> };
}

export interface RetryOptions {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Waits; tests pass one that records instead of sleeping. */
  sleep: (ms: number) => Promise<void>;
  now: () => number;
}

export const defaultRetryOptions: RetryOptions = {
  attempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
};

/**
 * How long to wait before retrying, or null when the failure is permanent:
 * 5xx and 429 are retried, and 403 only when GitHub says the rate limit is
 * spent; GitHub's retry-after or rate-limit reset is honoured (capped).
 */
export function retryDelay(error: unknown, attempt: number, options: RetryOptions): number | null {
  const failure = (typeof error === "object" && error !== null ? error : {}) as HttpFailure;
  const status = failure.status;
  const headers = failure.response?.headers ?? {};
  const rateLimited = status === 429 || (status === 403 && String(headers["x-ratelimit-remaining"]) === "0");
  if (status === undefined || (status < 500 && !rateLimited)) return null;
  const retryAfter = Number(headers["retry-after"]);
  const reset = Number(headers["x-ratelimit-reset"]);
  let delay = options.baseDelayMs * 2 ** attempt;
  if (Number.isFinite(retryAfter) && retryAfter > 0) delay = retryAfter * 1000;
  else if (rateLimited && Number.isFinite(reset) && reset > 0) delay = reset * 1000 - options.now();
  return Math.min(options.maxDelayMs, Math.max(options.baseDelayMs, delay));
}

/** Runs `call`, retrying transient failures with backoff; the last failure is thrown. */
export async function withRetries<T>(call: () => Promise<T>, options: RetryOptions = defaultRetryOptions): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const delay = attempt + 1 < options.attempts ? retryDelay(error, attempt, options) : null;
      if (delay === null) throw error;
      await options.sleep(delay);
    }
  }
}
