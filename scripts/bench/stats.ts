import { readFileSync } from "node:fs";

/** Median and percentiles of a list of milliseconds, rounded to 0.01 ms. */
export function summarize(samples: number[]): { median: number; p95: number; min: number; max: number; n: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const round = (v: number) => Math.round(v * 100) / 100;
  return { median: round(at(0.5)), p95: round(at(0.95)), min: round(sorted[0]!), max: round(sorted.at(-1)!), n: sorted.length };
}

export function rssMb(pid: number | "self" = "self"): number {
  // Read from /proc so a child's RSS can be measured the same way as our own.
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}
