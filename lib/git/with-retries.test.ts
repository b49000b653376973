import { describe, expect, it } from "vitest";
import { defaultRetryOptions, withRetries } from "./with-retries";

const httpError = (status: number, headers: Record<string, string> = {}) => Object.assign(new Error(`HTTP ${status}`), { status, response: { headers } });

function script(...outcomes: (Error | string)[]) {
  let i = 0;
  return async () => {
    const next = outcomes[i++]!;
    if (next instanceof Error) throw next;
    return next;
  };
}

describe("withRetries", () => {
  const recorded = () => {
    const delays: number[] = [];
    return { delays, options: { ...defaultRetryOptions, sleep: async (ms: number) => void delays.push(ms), now: () => 1_000_000 } };
  };

  it("retries 5xx with exponential backoff, then succeeds", async () => {
    const { delays, options } = recorded();
    await expect(withRetries(script(httpError(502), httpError(503), "ok"), options)).resolves.toBe("ok");
    expect(delays).toEqual([500, 1000]);
  });

  it("waits for the rate limit to reset, and honours retry-after", async () => {
    const { delays, options } = recorded();
    await withRetries(script(httpError(403, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "1005" }), httpError(429, { "retry-after": "2" }), "ok"), options);
    expect(delays).toEqual([5000, 2000]);
  });

  it("does not retry permanent failures", async () => {
    const { delays, options } = recorded();
    await expect(withRetries(script(httpError(422), "ok"), options)).rejects.toThrow("HTTP 422");
    await expect(withRetries(script(httpError(403), "ok"), options)).rejects.toThrow("HTTP 403");
    await expect(withRetries(script(new Error("ECONNRESET without status"), "ok"), options)).rejects.toThrow("ECONNRESET");
    expect(delays).toEqual([]);
  });

  it("gives up after the last attempt with the last error", async () => {
    const { delays, options } = recorded();
    await expect(withRetries(script(httpError(500), httpError(500), httpError(500), httpError(502)), options)).rejects.toThrow("HTTP 502");
    expect(delays).toHaveLength(3);
  });
});
