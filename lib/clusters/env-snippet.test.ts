import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { envName, envSnippet } from "./env-snippet";

describe("envSnippet", () => {
  it("writes one secretKeyRef per key, names upper-cased from the keys", () => {
    expect(envSnippet("orders-db-output", ["database_name", "rds_instance_endpoint"])).toBe(
      [
        "env:",
        "  - name: DATABASE_NAME",
        "    valueFrom:",
        "      secretKeyRef:",
        "        name: orders-db-output",
        "        key: database_name",
        "  - name: RDS_INSTANCE_ENDPOINT",
        "    valueFrom:",
        "      secretKeyRef:",
        "        name: orders-db-output",
        "        key: rds_instance_endpoint",
        "",
      ].join("\n"),
    );
  });

  it("takes the user's names, and quotes anything YAML would misread", () => {
    const hostile = ["yes", "a: b", "#x", "multi\nline", "1st", "'quote\""];
    const text = envSnippet("s: {x}", hostile, { yes: "ANSWER: no" });
    expect(parse(text)).toEqual({
      env: hostile.map((key, i) => ({ name: i === 0 ? "ANSWER: no" : envName(key), valueFrom: { secretKeyRef: { name: "s: {x}", key } } })),
    });
    expect(envName("tls.crt")).toBe("TLS_CRT");
    expect(envName("1st")).toBe("_1ST");
  });
});
