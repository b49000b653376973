import { describe, expect, it } from "vitest";
import { overlappingLines } from "./overlapping-lines";

const base = ["a: 1", "slack: team-dev", "owner: x", "b: 2", ""].join("\n");

describe("overlappingLines", () => {
  it("is empty when the edit and main change different lines, even neighbouring ones", () => {
    expect(overlappingLines(base, base.replace("team-dev", "team-new"), base.replace("owner: x", "owner: y"))).toEqual([]);
  });

  it("names the line both changed", () => {
    expect(overlappingLines(base, base.replace("team-dev", "team-new"), base.replace("team-dev", "team-other"))).toEqual([2]);
  });

  it("counts a deletion on main of the line the edit changes, and main deleting the whole file", () => {
    expect(overlappingLines(base, base.replace("team-dev", "team-new"), base.replace("slack: team-dev\n", ""))).toEqual([2]);
    expect(overlappingLines(base, base.replace("team-dev", "team-new"), null)).toEqual([2]);
  });

  it("is empty when main did not change the file", () => {
    expect(overlappingLines(base, base.replace("team-dev", "team-new"), base)).toEqual([]);
  });
});
