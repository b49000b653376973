import { describe, expect, it } from "vitest";
import { editOperations } from "@/lib/environments/edit/operations";
import { campaignOperation } from "./prepare-campaign";

/** The campaign's 422 fields for these answers, or "ok". */
async function refused(operation: string, answers: unknown, teams: string[] | null = null) {
  const directory = teams && { org: "acme", teamExists: async (slug: string) => teams.includes(slug) };
  return campaignOperation({ operations: editOperations, teams: directory }, operation, answers).then(
    () => "ok",
    (error: { code: string; fields?: Record<string, string> }) => (error.code === "invalid_input" ? error.fields : error),
  );
}

describe("campaignOperation", () => {
  it("takes metadata and access answers with the same answers for every namespace", async () => {
    expect(await refused("metadata", { slackChannel: "team-alerts", renewMonths: 6 })).toBe("ok");
    expect(await refused("access", { add: ["orders-team"], remove: ["old-team"] }, ["orders-team"])).toBe("ok");
  });

  it("names an answer's error as the campaign's body holds it", async () => {
    expect(await refused("access", { add: ["Not A Team"] })).toEqual({ "answers.add.0": expect.stringMatching(/GitHub team slug/) });
    expect(await refused("metadata", { slackChannel: "Not Valid", colour: "red" })).toEqual({
      "answers.slackChannel": expect.any(String),
      "answers.colour": "not a field of a metadata edit",
    });
    expect(await refused("access", "add everyone")).toEqual({ answers: "expected an object with the access edit's fields" });
  });

  it("looks up the teams an access edit adds once, where there is a directory", async () => {
    expect(await refused("access", { add: ["orders-team", "ghost-team"] }, ["orders-team"])).toEqual({
      "answers.add": "The acme organisation has no GitHub team ghost-team",
    });
    expect(await refused("access", { add: ["ghost-team"] }, null)).toBe("ok");
  });

  it("refuses a decommission and an unknown edit on the operation", async () => {
    expect(await refused("decommission", { confirm: "orders-dev" })).toEqual({ operation: expect.stringMatching(/cannot decommission/) });
    expect(await refused("rename", {})).toEqual({ operation: "There is no rename edit" });
  });
});
