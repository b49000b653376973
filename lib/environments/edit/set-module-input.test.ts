import { beforeAll, describe, expect, it } from "vitest";
import { loadHclParser, type HclParser } from "./hcl/load-hcl-parser";
import { setModuleInput } from "./set-module-input";

const block = (body: string) => `# cache\nmodule "cache" {\n  source = "x?ref=1" # pinned\n${body}}\n\nmodule "other" {\n  source = "y"\n}\n`;
let parser: HclParser;
beforeAll(async () => {
  parser = await loadHclParser();
});

describe("setModuleInput", () => {
  it("adds the input after the source line, in its indentation, touching nothing else", () => {
    expect(setModuleInput(parser, block("  vpc_name = var.vpc_name\n"), "cache", "enable_irsa", "true")).toBe(
      block("  enable_irsa = true\n  vpc_name = var.vpc_name\n"),
    );
  });

  it("changes an existing value, keeping its comment, and leaves a right one alone", () => {
    expect(setModuleInput(parser, block("  enable_irsa    = false # off\n"), "cache", "enable_irsa", "true")).toBe(block("  enable_irsa    = true # off\n"));
    const done = block("  enable_irsa = true\n");
    expect(setModuleInput(parser, done, "cache", "enable_irsa", "true")).toBe(done);
  });

  it("gives null for a block it cannot find", () => {
    expect(setModuleInput(parser, block(""), "missing", "enable_irsa", "true")).toBeNull();
  });

  it("is not fooled by a heredoc holding text like the input or a closing brace", () => {
    const text = block("  policy = <<EOF\n}\nenable_irsa = false\nEOF\n  enable_irsa = false\n");
    expect(setModuleInput(parser, text, "cache", "enable_irsa", "true")).toBe(block("  policy = <<EOF\n}\nenable_irsa = false\nEOF\n  enable_irsa = true\n"));
  });
});
