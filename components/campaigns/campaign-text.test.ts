import { describe, expect, it } from "vitest";
import { changeText, filterText } from "./campaign-text";

describe("campaign text", () => {
  it("says a module bump with its module and version, and any other change by its label", () => {
    expect(changeText("bump-module", { module: "rds-instance", version: "9.2.0" })).toBe("Move rds-instance to 9.2.0");
    expect(changeText("default-tags", {})).toBe("Add the mandatory default tags");
    expect(changeText("bump-module", {})).toBe("Move a module to a version");
  });

  it("says an access change with its teams, and a metadata change with the fields it sets, as the form labels them", () => {
    expect(changeText("access", { add: ["orders-team", "payments-team"], remove: ["old-team"] })).toBe(
      "Add admin teams orders-team, payments-team; remove admin team old-team",
    );
    expect(changeText("access", { add: [], remove: ["old-team"] })).toBe("Remove admin team old-team");
    expect(changeText("access", { add: ["viewers"], role: "read-only" })).toBe("Add or remove admin teams");
    expect(changeText("metadata", { slackChannel: "team-alerts", isProduction: false, renewMonths: 6 })).toBe(
      'Change namespace details (annotations and labels): Slack channel "team-alerts", Or renew for this many months from today 6, Production namespace no',
    );
    // As stored: the owner's schema splits it.
    expect(changeText("metadata", { owner: { ownerName: "Orders team", ownerEmail: "orders@example.gov.uk" } })).toBe(
      'Change namespace details (annotations and labels): Owner "Orders team: orders@example.gov.uk"',
    );
    expect(changeText("metadata", {})).toBe("Change namespace details (annotations and labels)");
  });

  it("says each filter with its label, and every namespace without one; unknown keys are left out", () => {
    expect(filterText({ q: "orders", module: "rds-instance", below: "9.0.0" })).toBe(
      'the namespaces matching search "orders", module "rds-instance", pinned below "9.0.0"',
    );
    expect(filterText({})).toBe("every namespace");
    expect(filterText({ sort: "name" })).toBe("every namespace");
  });
});
