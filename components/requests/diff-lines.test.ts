import { describe, expect, it } from "vitest";
import { diffLines } from "./diff-lines";

describe("diffLines", () => {
  it("shows a new file as additions", () => {
    expect(diffLines(null, "a\nb\n")).toBe("+ a\n+ b");
  });
  it("shows a deleted file as removals", () => {
    expect(diffLines("a\nb\n", null)).toBe("- a\n- b");
  });
  it("marks only the lines that changed", () => {
    expect(diffLines('module "db" {\n  source = "x?ref=1.0.0"\n}\n', 'module "db" {\n  source = "x?ref=2.0.0"\n}\n')).toBe(
      '  module "db" {\n-   source = "x?ref=1.0.0"\n+   source = "x?ref=2.0.0"\n  }',
    );
  });
  it("marks lines inserted in the middle as added and every other line unchanged", () => {
    const before = "kind: Namespace\nmetadata:\n  name: orders\nspec: {}\nstatus: {}\n";
    const after = "kind: Namespace\nmetadata:\n  name: orders\n  labels:\n    team: payments\nspec: {}\nstatus: {}\n";
    expect(diffLines(before, after)).toBe("  kind: Namespace\n  metadata:\n    name: orders\n+   labels:\n+     team: payments\n  spec: {}\n  status: {}");
  });
  it("marks a line deleted from the middle as removed and every other line unchanged", () => {
    expect(diffLines("a\nb\nc\nd\n", "a\nc\nd\n")).toBe("  a\n- b\n  c\n  d");
  });
  it("ignores a missing newline at the end of either version", () => {
    expect(diffLines("a\nb", "a\nb\nc\n")).toBe("  a\n  b\n+ c");
    expect(diffLines("a\nb\n", "a\nb")).toBe("  a\n  b");
  });
});
