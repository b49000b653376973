import { describe, expect, it } from "vitest";
import { inventoryOverview } from "./inventory-overview";
import { cloudPlatformProfile } from "../profile/profile";
import { namespaceRecord } from "../testing/namespace-record";

const base = namespaceRecord("a", { environment: "production", isProduction: true });
const mod = (module: string, ref: string | null) => ({ name: module, module, source: "s", ref, file: "resources/x.tf" });

describe("inventoryOverview", () => {
  it("counts every dimension in one pass", () => {
    const o = inventoryOverview(
      [
        { ...base, modules: [mod("sqs", "5.1.2"), mod("sqs", "4.0.0"), mod("rds-instance", "8.0.0")] },
        { ...base, name: "b", businessUnit: "LAA", isProduction: false, environment: "dev", reviewAfter: "2020-01-01", skipApply: true },
        { ...base, name: "c", cluster: "live-2", businessUnit: null, problems: [{ file: "f", message: "m" }], modules: [mod("custom", "1.0.0")] },
      ],
      cloudPlatformProfile,
      "2026-01-01",
    );
    expect(o).toMatchObject({ total: 3, production: 2, overdue: 1, withProblems: 1, skipApply: 1, laggingPins: 2, laggingNamespaces: 1 });
    expect(o.byBusinessUnit).toEqual([
      { label: "(none)", count: 1 },
      { label: "HMPPS", count: 1 },
      { label: "LAA", count: 1 },
    ]);
    expect(o.byCluster).toEqual([
      { label: "live", count: 2 },
      { label: "live-2", count: 1 },
    ]);
    expect(o.modules[0]).toEqual({
      module: "sqs",
      uses: 2,
      behind: 1,
      current: 1,
      other: 0,
      currentVersion: "5.1.2",
      latest: {
        version: "5.1.2",
        from: "built-in",
        fromLabel: "Berth's built-in facts",
        at: "2026-08-21",
        note: "interface read at 5.1.1; the latest version is 5.1.2",
      },
    });
    expect(o.modules.find((m) => m.module === "custom")).toMatchObject({ other: 1, currentVersion: null, latest: null });
  });
});
