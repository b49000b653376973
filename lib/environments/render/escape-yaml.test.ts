import { parse, parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";
import { escapeYaml, yamlScalar } from "./escape-yaml";
import { hostileValues } from "../testing/hostile-values";
import { UnrepresentableValueError } from "./unrepresentable-text";

// What Berth reads (YAML 1.2 core) and what Kubernetes reads (YAML 1.1, where `y` and `no` are booleans).
const schemas = ["core", "yaml-1.1"] as const;

describe("escapeYaml", () => {
  it.each(hostileValues.map((v) => [JSON.stringify(v).slice(0, 60), v]))("round-trips %s as one scalar", (_, value) => {
    const text = `before: x\nkey: ${escapeYaml(value)}\nafter: z\n`;
    for (const schema of schemas) {
      expect(parse(text, { schema })).toEqual({ before: "x", key: value, after: "z" });
    }
    expect(parseAllDocuments(text)).toHaveLength(1);
    // One line, whatever the value: nothing can start a new key or document.
    expect(escapeYaml(value)).not.toMatch(/[\n\r\u0085\u2028\u2029]/);
  });

  it("round-trips inside a nested mapping and a list", () => {
    for (const value of hostileValues) {
      const text = `metadata:\n  annotations:\n    a: ${escapeYaml(value)}\n    b: "b"\nlist:\n  - ${escapeYaml(value)}\n`;
      expect(parse(text)).toEqual({ metadata: { annotations: { a: value, b: "b" } }, list: [value] });
    }
  });

  it("writes ordinary text as a plain double-quoted string", () => {
    expect(escapeYaml("HMPPS")).toBe('"HMPPS"');
    expect(escapeYaml('a "b" \\ c\nd')).toBe('"a \\"b\\" \\\\ c\\nd"');
    expect(escapeYaml("Zoë 🚢")).toBe('"Zoë 🚢"');
    expect(escapeYaml("\u2028\u0085\u001b")).toBe('"\\u2028\\u0085\\u001B"');
  });

  it("refuses NUL and unpaired surrogates rather than changing them", () => {
    for (const value of ["a\u0000b", "\ud800", "x\udc00y", "\ud83d"]) {
      expect(() => escapeYaml(value)).toThrow(UnrepresentableValueError);
    }
  });
});

describe("yamlScalar", () => {
  it("leaves names and quantities plain and quotes anything YAML could misread", () => {
    expect(yamlScalar("my-namespace")).toBe("my-namespace");
    expect(yamlScalar("1000m")).toBe("1000m");
    expect(yamlScalar("100Mi")).toBe("100Mi");
    for (const value of ["no", "on", "true", "null", "123", "1e3", "0x1f", "2026-01-05", "", "a b", "Admin"]) {
      expect(yamlScalar(value)).toBe(escapeYaml(value));
    }
  });

  it("round-trips whatever it is given", () => {
    for (const value of ["ns", "1000m", "y", "007", ...hostileValues.slice(0, 30)]) {
      expect(parse(`k: ${yamlScalar(value)}`, { schema: "yaml-1.1" })).toEqual({ k: value });
    }
  });
});
