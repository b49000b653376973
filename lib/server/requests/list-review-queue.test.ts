import { describe, expect, it } from "vitest";
import { queueFiltersSchema } from "./list-review-queue";

describe("queueFiltersSchema", () => {
  it("drops a filter over 100 characters instead of throwing", () => {
    const long = "t".repeat(101);
    expect(queueFiltersSchema.parse({ team: long, businessUnit: long, flag: "iam" })).toEqual({ team: undefined, businessUnit: undefined, flag: "iam" });
    expect(queueFiltersSchema.parse({ team: " team-a " })).toMatchObject({ team: "team-a" });
  });
});
