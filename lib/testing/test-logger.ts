import { createLogger, type LogLevel, type Logger } from "@/lib/log";

/** A logger for tests: every line is kept, parsed, in `lines`, and nothing is printed. */
export function testLogger(): Logger & { lines: { level: LogLevel; msg: string; [field: string]: unknown }[] } {
  const lines: { level: LogLevel; msg: string; [field: string]: unknown }[] = [];
  return Object.assign(
    createLogger((_level, line) => lines.push(JSON.parse(line) as (typeof lines)[number])),
    { lines },
  );
}
