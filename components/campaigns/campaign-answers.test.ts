import { describe, expect, it } from "vitest";
import { accessAnswersSchema } from "@/lib/environments/edit/access/access-answers";
import { metadataAnswersSchema } from "@/lib/environments/edit/metadata/metadata-answers";
import { campaignAnswers, campaignFields, controlOf } from "./campaign-answers";

describe("campaignFields", () => {
  it("offers the single edit forms' controls, empty, for metadata and access", () => {
    expect(campaignFields("metadata").map((f) => [f.name, f.label])).toContainEqual(["slackChannel", "Slack channel"]);
    expect(campaignFields("metadata").every((f) => f.initial === "" || f.initial === undefined || f.initial === false)).toBe(true);
    // No one namespace's teams to choose from: the teams to remove are typed, as the ones to add are.
    expect(campaignFields("access").map((f) => [f.name, f.type])).toEqual([
      ["add", "list"],
      ["remove", "list"],
    ]);
    expect(campaignFields("bump-module")).toEqual([]);
  });

  it("names only fields the edits' schemas take", () => {
    const names = (op: string) => Object.fromEntries(campaignFields(op).map((f) => [f.name, undefined]));
    expect(metadataAnswersSchema.safeParse(names("metadata")).success).toBe(true);
    expect(accessAnswersSchema.safeParse(names("access")).success).toBe(true);
  });
});

describe("campaignAnswers", () => {
  it("sends only the filled controls, each as the edit takes it", () => {
    const values = { slackChannel: " team-alerts ", owner: "   ", renewMonths: "6", isProduction: "false", application: "" };
    const answers = campaignAnswers(campaignFields("metadata"), values);
    expect(answers).toEqual({ slackChannel: "team-alerts", renewMonths: 6, isProduction: false });
    expect(metadataAnswersSchema.parse(answers)).toEqual(answers);
  });

  it("leaves a yes/no control out until it is chosen", () => {
    expect(campaignAnswers(campaignFields("metadata"), { isProduction: "" })).toEqual({});
    expect(campaignAnswers(campaignFields("metadata"), { isProduction: "true" })).toEqual({ isProduction: true });
  });

  it("splits team lists at commas, dropping empty items, and leaves an empty list out", () => {
    expect(campaignAnswers(campaignFields("access"), { add: "orders-team, ,payments-team,", remove: " , " })).toEqual({
      add: ["orders-team", "payments-team"],
    });
    expect(campaignAnswers(campaignFields("access"), { remove: "old-team" })).toEqual({ remove: ["old-team"] });
  });
});

describe("controlOf", () => {
  const controls = ["title", "answers.add", "answers.remove", "filter.team"];
  it("finds the control of an error, nested names included", () => {
    expect(controlOf("answers.add.0", controls)).toBe("answers.add");
    expect(controlOf("answers.add", controls)).toBe("answers.add");
    expect(controlOf("filter.team", controls)).toBe("filter.team");
    expect(controlOf("answers.address", controls)).toBeNull();
    expect(controlOf("answers.role", controls)).toBeNull();
  });
});
