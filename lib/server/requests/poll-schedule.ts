/**
 * `webhooks`: deliveries arrive and none was missed, so polling is only a
 * safety net and runs at the stretched interval. `polling`: the webhook is
 * silent or missed a change, so polling is how Berth learns of changes.
 */
export type PollMode = "webhooks" | "polling";

export interface PollScheduleOptions {
  /** The interval while polling is how Berth learns of changes (BERTH_POLL_SECONDS). */
  baseMs: number;
  /** The interval while webhooks arrive on time. */
  stretchedMs: number;
  /** No delivery for this long: the webhook counts as silent. */
  silentAfterMs: number;
  /** At least this long per query of a round, so N open requests never cost more than one query per this long. */
  perQueryMs: number;
  now: () => Date;
}

export type PollSchedule = ReturnType<typeof createPollSchedule>;

/**
 * When the poller reads pull requests next. Note: "missed" means a round
 * found a change newer than what Berth had stored, older than a grace period,
 * that no delivery had reported; it shortens the interval until a delivery
 * arrives after it. The last delivery's time comes from the database, so
 * every replica's deliveries count.
 */
export function createPollSchedule(options: PollScheduleOptions) {
  let lastPollAt: Date | null = null;
  let missedAt: Date | null = null;
  let baseHead: string | null = null;
  /** Rounds still to read at the base interval because the base branch moved (no webhook reports a pull request that stops merging). */
  let afterBaseMoved = 0;
  const since = (at: Date) => options.now().getTime() - at.getTime();

  const mode = (lastDeliveryAt: Date | null): PollMode => {
    if (!lastDeliveryAt || since(lastDeliveryAt) > options.silentAfterMs) return "polling";
    return missedAt && missedAt.getTime() >= lastDeliveryAt.getTime() ? "polling" : "webhooks";
  };
  const intervalMs = (lastDeliveryAt: Date | null, queries: number) =>
    Math.max(mode(lastDeliveryAt) === "webhooks" && afterBaseMoved === 0 ? options.stretchedMs : options.baseMs, queries * options.perQueryMs);

  return {
    mode,
    intervalMs,
    /** Whether a round should read now, given the last delivery and how many queries a round takes. */
    due: (lastDeliveryAt: Date | null, queries: number) => lastPollAt === null || since(lastPollAt) >= intervalMs(lastDeliveryAt, queries),
    polled() {
      lastPollAt = options.now();
      if (afterBaseMoved > 0) afterBaseMoved--;
    },
    /**
     * The base branch's head as this replica's clone has it now. A new head
     * makes the next two rounds due at the base interval: GitHub recomputes
     * each pull request's mergeability after its base moves and answers
     * "unknown" to the first read, and a pull request that stops merging
     * sends no webhook, so only reading finds it (and re-applies an edit).
     */
    baseIs(head: string) {
      if (baseHead !== null && head !== baseHead) afterBaseMoved = 2;
      baseHead = head;
    },
    missed() {
      missedAt = options.now();
    },
    lastPollAt: () => lastPollAt,
  };
}
