import { describe, expect, it } from "vitest";
import { diffLines } from "./diff-lines";

describe("diffLines", () => {
  it("shows a new file as additions", () => {
    expect(diffLines(null, "a\nb\n")).toBe("+ a\n+ b");
  });
  it("marks only the lines that changed", () => {
    expect(diffLines('module "db" {\n  source = "x?ref=1.0.0"\n}\n', 'module "db" {\n  source = "x?ref=2.0.0"\n}\n')).toBe(
      '  module "db" {\n-   source = "x?ref=1.0.0"\n+   source = "x?ref=2.0.0"\n  }',
    );
  });
});
