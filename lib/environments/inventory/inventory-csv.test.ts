import { describe, expect, it } from "vitest";
import { inventoryCsv } from "./inventory-csv";
import { namespaceRecord } from "../testing/namespace-record";

const ns = namespaceRecord("orders-dev", {
  application: 'Orders, "the" app\nline two',
  owner: '=HYPERLINK("http://evil")',
  teams: ["a", "b"],
  slackChannel: "#orders",
  modules: [
    { name: "q", module: "sqs", source: "s", ref: "5.1.2", file: "resources/sqs.tf" },
    { name: "read_replica", module: "rds-instance", source: "s", ref: "9.2.0", file: "resources/rds.tf", disabled: true },
  ],
});

describe("inventoryCsv", () => {
  it("quotes, escapes and defuses formulas", () => {
    const [header, row, end] = inventoryCsv([ns]).split(/\r\n(?=[^\n]*$)|\r\n(?=live|$)/);
    expect(header).toMatch(/^cluster,name,business_unit,/);
    expect(row).toContain('"Orders, ""the"" app\nline two"');
    expect(row).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(row).toContain("a b,#orders,,,false,sqs@5.1.2,0");
    expect(end).toBe("");
  });

  it("writes only the header for no rows", () => {
    expect(inventoryCsv([]).split("\r\n")).toHaveLength(2);
  });
});
