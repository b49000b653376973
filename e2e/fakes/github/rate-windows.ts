/** GitHub's hourly limit for a token, per resource (core for REST, graphql for GraphQL). */
const RATE_LIMIT = 5000;

export type RateResource = "core" | "graphql";

/**
 * The rate-limit windows the fake reports in x-ratelimit-* headers: one per
 * token and resource, an hour long. `setRemaining` (the control API) lowers
 * what every window reports from then on, so a test can drive Berth below its
 * reserve without making thousands of calls.
 */
export function createRateWindows(now: () => number = Date.now) {
  const usage = new Map<string, { used: number; reset: number }>();
  let cap: number | null = null;

  const window = (key: string, resource: RateResource) => {
    const seconds = Math.floor(now() / 1000);
    const id = `${resource}:${key}`;
    let found = usage.get(id);
    if (!found || found.reset <= seconds) usage.set(id, (found = { used: 0, reset: seconds + 3600 }));
    return found;
  };

  return {
    /** Counts one call against the window and returns the headers to send. */
    charge(key: string, resource: RateResource = "core"): Record<string, string> {
      const w = window(key, resource);
      w.used += 1;
      if (cap !== null) cap = Math.max(cap - 1, 0);
      const remaining = Math.max(RATE_LIMIT - w.used, 0);
      return {
        "x-ratelimit-limit": String(RATE_LIMIT),
        "x-ratelimit-remaining": String(cap === null ? remaining : Math.min(cap, remaining)),
        "x-ratelimit-reset": String(w.reset),
        "x-ratelimit-used": String(w.used),
        "x-ratelimit-resource": resource,
      };
    },
    /** A 304: GitHub does not count it against the limit. */
    refund(key: string, resource: RateResource = "core"): void {
      const w = window(key, resource);
      w.used = Math.max(w.used - 1, 0);
      if (cap !== null) cap += 1;
    },
    /** From now on every window reports at most `remaining` (null: back to the real count). */
    setRemaining(remaining: number | null): void {
      cap = remaining;
    },
    remainingCap: () => cap,
  };
}

export type RateWindows = ReturnType<typeof createRateWindows>;
