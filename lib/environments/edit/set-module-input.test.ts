import { describe, expect, it } from "vitest";
import { setModuleInput } from "./set-module-input";

const block = (body: string) => `# cache\nmodule "cache" {\n  source = "x?ref=1" # pinned\n${body}}\n\nmodule "other" {\n  source = "y"\n}\n`;

describe("setModuleInput", () => {
  it("adds the input after the source line, in its indentation, touching nothing else", () => {
    expect(setModuleInput(block("  vpc_name = var.vpc_name\n"), "cache", "enable_irsa", "true")).toBe(
      block("  enable_irsa = true\n  vpc_name = var.vpc_name\n"),
    );
  });

  it("changes an existing value, keeping its comment, and leaves a right one alone", () => {
    expect(setModuleInput(block("  enable_irsa    = false # off\n"), "cache", "enable_irsa", "true")).toBe(block("  enable_irsa    = true # off\n"));
    const done = block("  enable_irsa = true\n");
    expect(setModuleInput(done, "cache", "enable_irsa", "true")).toBe(done);
  });

  it("gives null for a block it cannot find", () => {
    expect(setModuleInput(block(""), "missing", "enable_irsa", "true")).toBeNull();
  });
});
