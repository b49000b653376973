import { afterEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { apiRoute } from "./http";
import type { Services } from "./services";
import { fakeServices } from "./testing/fake-services";

const root = globalThis as typeof globalThis & { berthServices?: Services };

afterEach(() => {
  delete root.berthServices;
});

describe("apiRoute", () => {
  it("marks API answers private and never stored, successes and errors alike", async () => {
    root.berthServices = fakeServices();
    const ok = apiRoute("/api/requests", async () => Response.json({ requests: ["mine"] }));
    const refused = apiRoute("/api/requests", async () => {
      throw new AppError("unauthenticated", "Sign in first");
    });
    expect((await ok(new Request("http://berth.test/api/requests"), {})).headers.get("cache-control")).toBe("private, no-store");
    expect((await refused(new Request("http://berth.test/api/requests"), {})).headers.get("cache-control")).toBe("private, no-store");
  });

  it("keeps a cache policy a route chose itself", async () => {
    root.berthServices = fakeServices();
    const route = apiRoute("/api/health", async () => new Response("ok", { headers: { "cache-control": "no-cache" } }));
    expect((await route(new Request("http://berth.test/api/health"), {})).headers.get("cache-control")).toBe("no-cache");
  });

  it("logs refused client input as a client error, not an error", async () => {
    const services = fakeServices();
    root.berthServices = services;
    const route = apiRoute("/api/requests", async () => {
      throw new AppError("invalid_input", "Bad", { name: "too long" });
    });
    expect((await route(new Request("http://berth.test/api/requests"), {})).status).toBe(422);
    expect(services.log.lines.some((line) => line.level === "error")).toBe(false);
    expect(services.log.lines.some((line) => line.level === "info" && line.msg === "client error")).toBe(true);
  });

  it("refuses an address holding a NUL (which PostgreSQL text cannot store) before the handler runs", async () => {
    root.berthServices = fakeServices();
    let ran = false;
    const route = apiRoute("/api/requests/[id]/state", async () => {
      ran = true;
      return new Response("ok");
    });
    for (const url of ["http://berth.test/api/requests/%00/state", "http://berth.test/api/requests/x/state?q=a%00b"]) {
      const response = await route(new Request(url), {});
      expect(response.status).toBe(422);
      expect(await response.text()).toContain("no %00 in the path or query");
    }
    expect(ran).toBe(false);
  });
});
