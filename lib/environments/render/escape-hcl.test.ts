import { describe, expect, it } from "vitest";
import { escapeHcl } from "./escape-hcl";
import { scanTerraformModules } from "../repository/scan-terraform-modules";
import { hostileValues } from "../testing/hostile-values";
import { UnrepresentableValueError } from "./unrepresentable-text";

/** Reads a quoted HCL string back with the repository scanner: as a module source it must be one literal string. */
function readBack(literal: string): { value: string | null; problems: unknown[]; blocks: number } {
  const scan = scanTerraformModules(`module "m" {\n  source = ${literal}\n  version = "1"\n}\n\nmodule "after" {\n  source = "x"\n}\n`);
  return { value: scan.modules[0]?.source ?? null, problems: scan.problems, blocks: scan.modules.length };
}

describe("escapeHcl", () => {
  it.each(hostileValues.map((v) => [JSON.stringify(v).slice(0, 60), v]))("round-trips %s as a literal string", (_, value) => {
    const result = readBack(escapeHcl(value));
    expect(result.problems).toEqual([]);
    expect(result.value).toBe(value);
    expect(result.blocks).toBe(2);
    expect(escapeHcl(value)).not.toMatch(/[\n\r]/);
  });

  it("makes template sequences literal", () => {
    expect(escapeHcl('${file("/etc/passwd")}')).toBe('"$${file(\\"/etc/passwd\\")}"');
    expect(escapeHcl("%{ if x }")).toBe('"%%{ if x }"');
    expect(escapeHcl("$${a}")).toBe('"$$${a}"');
    expect(escapeHcl("$ {a} % {b}")).toBe('"$ {a} % {b}"');
  });

  it("escapes quotes, backslashes and line breaks", () => {
    expect(escapeHcl('a "b" \\ c\nd\te\rf')).toBe('"a \\"b\\" \\\\ c\\nd\\te\\rf"');
    expect(escapeHcl("\u2028\u001b")).toBe('"\\u2028\\u001B"');
  });

  it("refuses NUL and unpaired surrogates rather than changing them", () => {
    for (const value of ["a\u0000b", "\ud800", "x\udc00y"]) expect(() => escapeHcl(value)).toThrow(UnrepresentableValueError);
  });
});
