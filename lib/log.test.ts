import { describe, expect, it } from "vitest";
import { acceptRequestId, createLogger, redact, type LogLevel, type Logger } from "./log";

let log: Logger;
function capture(): { level: LogLevel; entry: Record<string, unknown> }[] {
  const lines: { level: LogLevel; entry: Record<string, unknown> }[] = [];
  log = createLogger((level, line) => lines.push({ level, entry: JSON.parse(line) as Record<string, unknown> }));
  return lines;
}

describe("log", () => {
  it("writes one JSON object per line with time, level, msg and fields", () => {
    const lines = capture();
    log.info("indexed", { namespaces: 3 });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.level).toBe("info");
    expect(lines[0]!.entry).toMatchObject({ level: "info", msg: "indexed", namespaces: 3 });
    expect(new Date(lines[0]!.entry.time as string).getTime()).not.toBeNaN();
  });

  it("adds the request id of the work it runs inside, across awaits", async () => {
    const lines = capture();
    await log.withRequestId("req-12345678", async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      log.warn("slow");
    });
    log.warn("outside");
    expect(lines[0]!.entry.requestId).toBe("req-12345678");
    expect(lines[1]!.entry).not.toHaveProperty("requestId");
  });

  it("never writes a token, secret, password, cookie or authorization value, at any depth", () => {
    const lines = capture();
    const error = Object.assign(new Error("GitHub said no"), { headers: { authorization: "token ghp_abc", "x-ok": "1" } });
    log.error("failed", {
      accessToken: "gho_1",
      GITHUB_CLIENT_SECRET: "s1",
      nested: { password: "p", list: [{ Authorization: "Bearer x" }], cookie: "next-auth.session-token=abc" },
      error,
      login: "alice",
    });
    const text = JSON.stringify(lines);
    for (const secret of ["gho_1", "s1", '"p"', "Bearer x", "ghp_abc", "session-token=abc"]) expect(text).not.toContain(secret);
    expect(lines[0]!.entry).toMatchObject({
      login: "alice",
      accessToken: "[redacted]",
      error: { message: "GitHub said no", headers: { authorization: "[redacted]", "x-ok": "1" } },
    });
  });

  it("bounds depth and keeps dates readable", () => {
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 20; i++) deep = (deep.next = {}) as Record<string, unknown>;
    expect(JSON.stringify(redact(root))).toContain("[too deep]");
    expect(redact({ at: new Date("2026-01-01T00:00:00Z") })).toEqual({ at: "2026-01-01T00:00:00.000Z" });
  });
});

describe("acceptRequestId", () => {
  it("keeps a plain id and replaces anything that could forge a log line", () => {
    expect(acceptRequestId("abc-123_DEF.456")).toBe("abc-123_DEF.456");
    for (const bad of [null, "", "short", 'x"}\n{"level":"error', "a".repeat(200)]) {
      expect(acceptRequestId(bad)).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
