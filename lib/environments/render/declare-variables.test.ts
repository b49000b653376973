import { describe, expect, it } from "vitest";
import { namespaceRecord } from "../testing/namespace-record";
import { declareVariables, variableFor } from "./declare-variables";

const ns = namespaceRecord("orders-dev", { environment: "staging", owner: "Orders team: orders@example.com" });
const env = variableFor("environment", ns)!;
const eks = variableFor("eks_cluster_name", ns)!;

describe("variableFor", () => {
  it("takes values from the namespace's metadata; injected variables get none; unknown or absent gives null", () => {
    expect(env).toEqual({ name: "environment", description: "Name of the environment type for this service", value: "staging" });
    expect(variableFor("infrastructure_support", ns)!.value).toBe("orders@example.com");
    expect(eks.value).toBeUndefined();
    expect(variableFor("service_area", ns)).toBeNull();
    expect(variableFor("application", { ...ns, application: null })).toBeNull();
  });
});

describe("declareVariables", () => {
  it("follows the template when there is no file", () => {
    expect(declareVariables(null, [eks, env])).toBe(
      `variable "eks_cluster_name" {\n  description = "${eks.description}"\n  type        = string\n}\n\n` +
        `variable "environment" {\n  description = "${env.description}"\n  type        = string\n  default     = "staging"\n}\n`,
    );
  });

  it("keeps the file's bytes and follows its style: tabs, no type, unaligned, no blank lines, no final newline", () => {
    const text = 'variable "namespace" {\n\tdefault = "orders-dev"\n}\nvariable "team_name" {\n\tdefault = "orders"\n}';
    expect(declareVariables(text, [env])).toBe(`${text}\nvariable "environment" {\n\tdescription = "${env.description}"\n\tdefault = "staging"\n}`);
  });

  it("escapes values", () => {
    expect(declareVariables(null, [{ name: "application", description: "d", value: 'say "${x}"' }])).toContain('default     = "say \\"$${x}\\""');
  });
});
