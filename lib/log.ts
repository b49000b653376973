import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

export type LogLevel = "debug" | "info" | "warn" | "error";

/**
 * Note: redaction is by key, at any depth: a value under a key that looks like
 * a credential never reaches a log line, whoever passed it in. Values are not
 * inspected (a token inside free text is the caller's bug; messages here are
 * written by Berth, not copied from upstream bodies).
 */
const SECRET_KEY = /token|secret|passw|authori[sz]ation|cookie|credential|api[-_]?key|private[-_]?key|signature|session[-_]?id/i;
const REDACTED = "[redacted]";

/** A copy of `value` safe to log: credential-like keys replaced, errors as name/message/stack, depth and size bounded. */
export function redact(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== "object") return typeof value === "bigint" ? value.toString() : value;
  if (depth > 6) return "[too deep]";
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Error) {
    const extra = Object.fromEntries(Object.entries(value).filter(([k]) => k !== "request" && k !== "response"));
    return { name: value.name, message: value.message, stack: value.stack, ...(redact(extra, depth + 1) as object) };
  }
  if (Array.isArray(value)) return value.slice(0, 100).map((item) => redact(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = SECRET_KEY.test(key) ? REDACTED : redact(item, depth + 1);
  return out;
}

/** A request id from a client or proxy is kept only if it is short and plain, so it cannot forge log lines. */
export function acceptRequestId(candidate: string | null | undefined): string {
  return candidate && /^[A-Za-z0-9._:-]{8,128}$/.test(candidate) ? candidate : randomUUID();
}

/** Where lines go; a test passes its own. */
export type LogSink = (level: LogLevel, line: string) => void;
const standardStreams: LogSink = (level, line) => (level === "warn" || level === "error" ? process.stderr : process.stdout).write(`${line}\n`);

type Write = (msg: string, fields?: Record<string, unknown>) => void;

/** Berth's structured log: one JSON object per line (time, level, msg, requestId, fields). */
export interface Logger {
  debug: Write;
  info: Write;
  warn: Write;
  error: Write;
  /** Runs `work` with `requestId` attached to every line written inside it, across awaits. */
  withRequestId<T>(requestId: string, work: () => T): T;
  /** The request id of the work running now, if any. */
  requestId(): string | undefined;
}

/** One logger per process (the composition root makes it); its request context follows async work. */
export function createLogger(sink: LogSink = standardStreams): Logger {
  const context = new AsyncLocalStorage<{ requestId: string }>();
  const requestId = () => context.getStore()?.requestId;
  const write =
    (level: LogLevel) =>
    (msg: string, fields: Record<string, unknown> = {}) => {
      const id = requestId();
      const entry = { time: new Date().toISOString(), level, msg, ...(id ? { requestId: id } : {}), ...(redact(fields) as object) };
      let line: string;
      try {
        line = JSON.stringify(entry);
      } catch {
        line = JSON.stringify({ time: entry.time, level, msg, requestId: id, fields: "[unserialisable]" });
      }
      sink(level, line);
    };
  return {
    debug: write("debug"),
    info: write("info"),
    warn: write("warn"),
    error: write("error"),
    withRequestId: (id, work) => context.run({ requestId: id }, work),
    requestId,
  };
}
