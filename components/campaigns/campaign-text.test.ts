import { describe, expect, it } from "vitest";
import { changeText, filterText } from "./campaign-text";

describe("campaign text", () => {
  it("says a module bump with its module and version, and any other change by its label", () => {
    expect(changeText("bump-module", { module: "rds-instance", version: "9.2.0" })).toBe("Move rds-instance to 9.2.0");
    expect(changeText("default-tags", {})).toBe("Add the mandatory default tags");
    expect(changeText("bump-module", {})).toBe("Move a module to a version");
  });

  it("says each filter with its label, and every namespace without one; unknown keys are left out", () => {
    expect(filterText({ q: "orders", module: "rds-instance", below: "9.0.0" })).toBe(
      'the namespaces matching search "orders", module "rds-instance", pinned below "9.0.0"',
    );
    expect(filterText({})).toBe("every namespace");
    expect(filterText({ sort: "name" })).toBe("every namespace");
  });
});
