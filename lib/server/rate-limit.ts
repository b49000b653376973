/** A token bucket per client: `capacity` requests at once, refilled at `perSecond`. */
export interface RateLimitRule {
  capacity: number;
  perSecond: number;
}

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  take(key: string): RateLimitResult;
  /** Buckets held now (for tests: idle buckets are dropped). */
  size(): number;
}

/**
 * In-process token buckets. Note: each replica counts on its own, so with N
 * replicas behind a load balancer a client gets up to N times the rule; that
 * is enough to stop a runaway script or a flood of webhooks without a shared
 * store in the request path (documented in docs/production.md).
 */
export function createRateLimiter(rule: RateLimitRule, now: () => number = () => performance.now(), maxKeys = 10_000): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();

  function refill(bucket: { tokens: number; at: number }, t: number): void {
    bucket.tokens = Math.min(rule.capacity, bucket.tokens + ((t - bucket.at) / 1000) * rule.perSecond);
    bucket.at = t;
  }

  function prune(t: number): void {
    for (const [key, bucket] of buckets) {
      refill(bucket, t);
      if (bucket.tokens >= rule.capacity) buckets.delete(key);
    }
    // Still full of active clients: drop the oldest rather than grow without bound.
    while (buckets.size >= maxKeys) buckets.delete(buckets.keys().next().value!);
  }

  return {
    take(key) {
      const t = now();
      let bucket = buckets.get(key);
      if (!bucket) {
        if (buckets.size >= maxKeys) prune(t);
        bucket = { tokens: rule.capacity, at: t };
        buckets.set(key, bucket);
      } else {
        refill(bucket, t);
      }
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true };
      }
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / rule.perSecond)) };
    },
    size: () => buckets.size,
  };
}
