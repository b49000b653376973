import { describe, expect, it } from "vitest";
import { olderVersions } from "./older-versions";

describe("olderVersions", () => {
  it("lists plausible earlier releases, nearest first", () => {
    expect(olderVersions("5.1.2")).toEqual(["5.1.1", "5.1.0", "5.0.0", "4.0.0"]);
    expect(olderVersions("9.2.0")).toEqual(["9.1.0", "9.0.0", "8.0.0"]);
    expect(olderVersions("1.1.0")).toEqual(["1.0.0"]);
    expect(olderVersions("v2.0.1")).toEqual(["v2.0.0", "v1.0.0"]);
  });

  it("has none for a first release or a version it cannot read", () => {
    expect(olderVersions("0.0.0")).toEqual([]);
    expect(olderVersions("main")).toEqual([]);
  });
});
