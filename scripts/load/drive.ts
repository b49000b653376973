/** Open-loop load: requests leave on a fixed schedule whatever the answers, so a slow server shows as latency, not as fewer requests. */

export interface Outcome {
  kind: string;
  status: number;
  ms: number;
  /** When it was sent, ms since the run started. */
  at: number;
  error?: string;
}

export interface DriveOptions {
  ratePerSecond: number;
  durationMs: number;
  /** Requests in flight beyond this are not sent and count as errors ("overload"). */
  maxInFlight?: number;
  /** Picks and sends the i-th request; resolves with its kind and status. */
  send: (i: number) => Promise<{ kind: string; status: number }>;
  onOutcome?: (outcome: Outcome) => void;
}

export async function drive(options: DriveOptions): Promise<{ outcomes: Outcome[]; wallMs: number }> {
  const outcomes: Outcome[] = [];
  const started = performance.now();
  const interval = 1000 / options.ratePerSecond;
  const total = Math.floor((options.durationMs / 1000) * options.ratePerSecond);
  const maxInFlight = options.maxInFlight ?? 500;
  let inFlight = 0;
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const at = performance.now() - started;
    if (inFlight >= maxInFlight) {
      const outcome = { kind: "overload", status: 0, ms: 0, at, error: "too many in flight" };
      outcomes.push(outcome);
      options.onOutcome?.(outcome);
      continue;
    }
    inFlight++;
    const sent = performance.now();
    pending.push(
      options
        .send(i)
        .then(
          ({ kind, status }) => ({ kind, status, ms: performance.now() - sent, at }),
          (error: unknown) => ({ kind: "network", status: 0, ms: performance.now() - sent, at, error: error instanceof Error ? error.message : String(error) }),
        )
        .then((outcome: Outcome) => {
          inFlight--;
          outcomes.push(outcome);
          options.onOutcome?.(outcome);
        }),
    );
  }
  await Promise.all(pending);
  return { outcomes, wallMs: performance.now() - started };
}

export interface Summary {
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  statuses: Record<string, number>;
}

export function summarize(outcomes: Outcome[], wallMs: number, isError: (o: Outcome) => boolean = (o) => o.status === 0 || o.status >= 500): Summary {
  const sorted = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : 0);
  const round = (v: number) => Math.round(v * 10) / 10;
  const statuses: Record<string, number> = {};
  for (const o of outcomes) statuses[o.status] = (statuses[o.status] ?? 0) + 1;
  return {
    requests: outcomes.length,
    perSecond: round(outcomes.length / (wallMs / 1000)),
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    p99: round(at(0.99)),
    max: round(sorted.at(-1) ?? 0),
    errors: outcomes.filter(isError).length,
    statuses,
  };
}
