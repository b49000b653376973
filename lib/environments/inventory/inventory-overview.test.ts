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
        {
          ...base,
          name: "c",
          cluster: "live-2",
          businessUnit: null,
          problems: [{ file: "f", message: "m", severity: "error" }],
          modules: [mod("custom", "1.0.0")],
        },
      ],
      cloudPlatformProfile,
      "2026-01-01",
    );
    expect(o).toMatchObject({
      total: 3,
      production: 2,
      overdue: 1,
      withProblems: 1,
      withErrors: 1,
      withWarnings: 0,
      skipApply: 1,
      laggingPins: 2,
      laggingNamespaces: 1,
    });
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
      disabled: 0,
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

  it("does not count disabled (count = 0) blocks as uses or lagging pins", () => {
    const replica = { ...mod("rds-instance", "5.0.0"), name: "replica", disabled: true };
    const o = inventoryOverview(
      [
        { ...base, modules: [mod("rds-instance", "9.2.0"), replica] },
        { ...base, name: "b", modules: [replica] },
      ],
      cloudPlatformProfile,
      "2026-01-01",
    );
    expect(o.modules).toMatchObject([{ module: "rds-instance", uses: 1, behind: 0, current: 1, other: 0, disabled: 2, currentVersion: "9.2.0" }]);
    expect(o).toMatchObject({ laggingPins: 0, laggingNamespaces: 0 });
  });

  it("counts namespaces with errors apart from those with warnings only", () => {
    const warning = { file: "x.yml", message: "use .yaml", severity: "warning" as const };
    const error = { file: "rbac.yaml", message: "malformed YAML", severity: "error" as const };
    const o = inventoryOverview(
      [
        { ...base, problems: [warning] },
        { ...base, name: "b", problems: [warning, error] },
        { ...base, name: "c", problems: [error] },
        { ...base, name: "d" },
      ],
      cloudPlatformProfile,
      "2026-01-01",
    );
    expect(o).toMatchObject({ withProblems: 3, withErrors: 2, withWarnings: 1 });
  });
});
