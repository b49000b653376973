/** A failure to inject: the next `times` REST requests matching method and path answer `status`. */
export interface FailNext {
  method: string;
  /** A regular expression tested against the path after the API prefix, e.g. `^/repos/acme/env/pulls$`. */
  pathPattern: string;
  status: number;
  times: number;
}

/** A delay to inject: the next `times` REST requests matching method and path wait `delayMs` before they are served. */
export interface SlowNext {
  method: string;
  pathPattern: string;
  delayMs: number;
  times: number;
}

/**
 * What the REST traffic looked like and what it should suffer next: a count
 * of calls per (method, operationId) for benches, and injected failures so
 * tests can prove retries and resume-after-failure.
 */
export function createTraffic() {
  const calls = new Map<string, { method: string; operationId: string; count: number }>();
  let notModified = 0;
  let failures: Array<FailNext & { pattern: RegExp }> = [];
  let delays: Array<SlowNext & { pattern: RegExp }> = [];

  return {
    count(method: string, operationId: string) {
      const key = `${method} ${operationId}`;
      const entry = calls.get(key) ?? { method, operationId, count: 0 };
      entry.count += 1;
      calls.set(key, entry);
    },
    calls() {
      const list = [...calls.values()].sort((a, b) => a.operationId.localeCompare(b.operationId) || a.method.localeCompare(b.method));
      return { total: list.reduce((sum, entry) => sum + entry.count, 0), notModified, calls: list };
    },
    /** A conditional GET answered 304 (counted in `calls` too; GitHub does not count it against the rate limit). */
    notModified: () => void notModified++,
    resetCalls: () => {
      calls.clear();
      notModified = 0;
    },
    failNext(rule: FailNext) {
      failures.push({ ...rule, method: rule.method.toUpperCase(), pattern: new RegExp(rule.pathPattern) });
    },
    /** The status to answer instead of serving this request, consuming one use of the rule. */
    takeFailure(method: string, path: string): number | undefined {
      const rule = failures.find((candidate) => (candidate.method === "*" || candidate.method === method) && candidate.pattern.test(path));
      if (!rule) return undefined;
      rule.times -= 1;
      failures = failures.filter((candidate) => candidate.times > 0);
      return rule.status;
    },
    slowNext(rule: SlowNext) {
      delays.push({ ...rule, method: rule.method.toUpperCase(), pattern: new RegExp(rule.pathPattern) });
    },
    /** Milliseconds to wait before serving this request (0: none), consuming one use of the rule. */
    takeDelay(method: string, path: string): number {
      const rule = delays.find((candidate) => (candidate.method === "*" || candidate.method === method) && candidate.pattern.test(path));
      if (!rule) return 0;
      rule.times -= 1;
      delays = delays.filter((candidate) => candidate.times > 0);
      return rule.delayMs;
    },
    /** Drops every pending failure and delay: the outage is over. */
    clearInjections() {
      failures = [];
      delays = [];
    },
    pendingDelays: () => delays.map(({ method, pathPattern, delayMs, times }) => ({ method, pathPattern, delayMs, times })),
    pendingFailures: () => failures.map(({ method, pathPattern, status, times }) => ({ method, pathPattern, status, times })),
  };
}

export type Traffic = ReturnType<typeof createTraffic>;
