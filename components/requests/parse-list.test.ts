import { describe, expect, it } from "vitest";
import { parseList } from "./parse-list";

describe("parseList", () => {
  it("splits on commas, trims, and drops empty items (a list being typed)", () => {
    expect(parseList("a, b,")).toEqual(["a", "b"]);
    expect(parseList(" a ,, b ")).toEqual(["a", "b"]);
    expect(parseList("")).toEqual([]);
  });
});
