import { describe, expect, it } from "vitest";
import { createPollSchedule } from "./poll-schedule";

const MINUTE = 60_000;

function setup() {
  let now = new Date("2026-06-01T10:00:00Z").getTime();
  const clock = { now: () => new Date(now), advance: (ms: number) => (now += ms), at: (ago: number) => new Date(now - ago) };
  const schedule = createPollSchedule({ baseMs: MINUTE, stretchedMs: 10 * MINUTE, silentAfterMs: 20 * MINUTE, perQueryMs: 30_000, now: clock.now });
  return { clock, schedule };
}

describe("createPollSchedule", () => {
  it("polls every base interval while the webhook is silent, and stretches to ten minutes while deliveries arrive", () => {
    const { clock, schedule } = setup();
    expect(schedule.due(null, 1)).toBe(true);
    schedule.polled();
    clock.advance(59_000);
    expect(schedule.due(null, 1)).toBe(false);
    clock.advance(1_000);
    expect(schedule.mode(null)).toBe("polling");
    expect(schedule.due(null, 1)).toBe(true);
    schedule.polled();

    clock.advance(MINUTE);
    const recent = clock.at(30_000);
    expect(schedule.mode(recent)).toBe("webhooks");
    expect(schedule.intervalMs(recent, 1)).toBe(10 * MINUTE);
    expect(schedule.due(recent, 1)).toBe(false);
    clock.advance(9 * MINUTE);
    expect(schedule.due(clock.at(MINUTE), 1)).toBe(true);
  });

  it("counts the webhook silent once no delivery came for silentAfterMs", () => {
    const { clock, schedule } = setup();
    const delivered = clock.now();
    clock.advance(20 * MINUTE);
    expect(schedule.mode(delivered)).toBe("webhooks");
    clock.advance(1);
    expect(schedule.mode(delivered)).toBe("polling");
  });

  it("shortens again after a missed delivery, until a delivery arrives after it", () => {
    const { clock, schedule } = setup();
    const delivered = clock.now();
    clock.advance(MINUTE);
    schedule.polled();
    schedule.missed();
    expect(schedule.mode(delivered)).toBe("polling");
    expect(schedule.intervalMs(delivered, 1)).toBe(MINUTE);
    clock.advance(MINUTE);
    expect(schedule.mode(clock.now())).toBe("webhooks");
  });

  it("spaces rounds so that each query of a round gets at least perQueryMs: 500 open requests poll at most 2 queries a minute", () => {
    const { schedule } = setup();
    expect(schedule.intervalMs(null, 5)).toBe(150_000);
    expect(5 / (schedule.intervalMs(null, 5) / MINUTE)).toBeLessThanOrEqual(2);
    expect(schedule.intervalMs(null, 1)).toBe(MINUTE);
  });

  it("reads the next two rounds at the base interval after the base branch moves, even while deliveries arrive", () => {
    const { clock, schedule } = setup();
    schedule.baseIs("a");
    schedule.polled();
    const recent = () => clock.at(1_000);
    expect(schedule.intervalMs(recent(), 1)).toBe(10 * MINUTE);
    schedule.baseIs("a");
    expect(schedule.intervalMs(recent(), 1)).toBe(10 * MINUTE);
    schedule.baseIs("b");
    expect(schedule.intervalMs(recent(), 1)).toBe(MINUTE);
    clock.advance(MINUTE);
    expect(schedule.due(recent(), 1)).toBe(true);
    schedule.polled();
    clock.advance(MINUTE);
    expect(schedule.due(recent(), 1)).toBe(true);
    schedule.polled();
    expect(schedule.intervalMs(recent(), 1)).toBe(10 * MINUTE);
    // Still no more than one query per perQueryMs.
    schedule.baseIs("c");
    expect(schedule.intervalMs(recent(), 5)).toBe(150_000);
  });
});
