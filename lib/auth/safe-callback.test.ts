import { describe, expect, it } from "vitest";
import { safeCallback } from "./safe-callback";

describe("safeCallback", () => {
  it("keeps paths, queries and fragments on Berth's own origin", () => {
    expect(safeCallback("/namespaces?team=a#top")).toBe("/namespaces?team=a#top");
    expect(safeCallback("/requests/1", "https://berth.example.org")).toBe("/requests/1");
    expect(safeCallback(["/reviews", "/x"])).toBe("/reviews");
  });

  it.each([
    "//evil.example",
    "/\\evil.example",
    "/\\/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "evil.example",
    "",
  ])("refuses %j, which a browser would take off the site", (value) => {
    expect(safeCallback(value, "https://berth.example.org")).toBe("/");
    expect(safeCallback(value)).toBe("/");
  });

  it("returns the normalised path, not the raw value", () => {
    expect(safeCallback("/a/../b")).toBe("/b");
  });

  it("falls back when absent", () => {
    expect(safeCallback(undefined)).toBe("/");
  });
});
