import { describe, expect, it } from "vitest";
import { namespaceRecord } from "@/lib/environments/testing/namespace-record";
import { namespaceRequestFixture } from "@/lib/environments/testing/namespace-request-fixture";
import { inventorySnapshot, NOW, roles } from "../testing/fake-services";
import { fakeRequestDb, requestRow } from "../testing/fake-request-db";
import { listReviewQueue, queueFiltersSchema } from "./list-review-queue";

/** The shape Berth stored before review forecasts; such rows are still read (parseStoredReview). */
type ReviewPrediction = { autoApprovable: boolean; reason: string; flags: Record<string, boolean> };
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);
const prediction = (flags: Partial<ReviewPrediction["flags"]>): ReviewPrediction => ({
  autoApprovable: false,
  reason: "needs a platform review: test",
  flags: { production: false, iam: false, yamlOutsideResources: false, skipApply: false, uncataloguedVersion: false, publicBucket: false, ...flags },
});

const requests = fakeRequestDb([
  requestRow("new-ns", {
    team: "hmpps-visits",
    namespace: "book-a-visit-dev",
    answers: namespaceRequestFixture({ businessUnit: "HMPPS", isProduction: false }),
    review: prediction({ yamlOutsideResources: true }),
    createdAt: hoursAgo(30),
  }),
  requestRow("iam-on-prod", {
    kind: "resources",
    team: "team-a",
    namespace: "orders-prod",
    state: "approved",
    answers: { resources: [{ kind: "sqs", name: "orders_queue", deadLetterQueue: false }] },
    review: prediction({ iam: true }),
    createdAt: hoursAgo(50),
  }),
  requestRow("merged", { state: "merged", createdAt: hoursAgo(90) }),
  requestRow("failed", { state: "failed", createdAt: hoursAgo(80) }),
]);
const snapshot = inventorySnapshot([namespaceRecord("orders-prod", { businessUnit: "LAA", isProduction: true })]);
const queue = (filters: Record<string, string> = {}, who = roles.reviewer) =>
  listReviewQueue(requests.db, who, queueFiltersSchema.parse(filters), snapshot, NOW);

describe("listReviewQueue", () => {
  it("is for reviewers only", async () => {
    await expect(queue({}, roles.owner)).rejects.toMatchObject({ code: "forbidden" });
    await expect(listReviewQueue(requests.db, null, queueFiltersSchema.parse({}), snapshot, NOW)).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("lists open requests oldest first, with age, and business unit and production from the inventory, else the answers", async () => {
    const items = await queue();
    expect(items.map((i) => [i.id, i.ageHours, i.businessUnit, i.production])).toEqual([
      ["iam-on-prod", 50, "LAA", true],
      ["new-ns", 30, "HMPPS", false],
    ]);
  });

  it("filters by team, business unit and flag", async () => {
    const ids = async (filters: Record<string, string>) => (await queue(filters)).map((i) => i.id);
    expect(await ids({ team: "hmpps-visits" })).toEqual(["new-ns"]);
    expect(await ids({ businessUnit: "LAA" })).toEqual(["iam-on-prod"]);
    expect(await ids({ flag: "iam" })).toEqual(["iam-on-prod"]);
    expect(await ids({ flag: "production" })).toEqual(["iam-on-prod"]);
    expect(await ids({ flag: "yamlOutsideResources" })).toEqual(["new-ns"]);
    expect(await ids({ flag: "not-a-flag" })).toEqual(["iam-on-prod", "new-ns"]);
  });
});

describe("queueFiltersSchema", () => {
  it("drops a filter over 100 characters instead of throwing", () => {
    const long = "t".repeat(101);
    expect(queueFiltersSchema.parse({ team: long, businessUnit: long, flag: "iam" })).toEqual({ team: undefined, businessUnit: undefined, flag: "iam" });
    expect(queueFiltersSchema.parse({ team: " team-a " })).toMatchObject({ team: "team-a" });
  });
});
