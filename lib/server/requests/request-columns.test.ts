import { describe, expect, it } from "vitest";
import { namespaceRequestFixture } from "@/lib/environments/testing/namespace-request-fixture";
import { requestAnswers, requestFiles, requestReview, StoredRequestError } from "./request-columns";

describe("request columns", () => {
  it("parses stored answers by kind, files and the review prediction", () => {
    const answers = namespaceRequestFixture({ name: "orders-dev" });
    expect(requestAnswers({ id: "r1", kind: "namespace", answers })).toEqual({ kind: "namespace", answers });
    const resources = { resources: [{ kind: "upgrade", name: "rds", version: "8.0.1" }] };
    expect(requestAnswers({ id: "r2", kind: "resources", answers: resources }).answers).toEqual(resources);
    expect(requestFiles({ id: "r1", files: [{ path: "a.tf", content: "x", previous: null }] })).toEqual([{ path: "a.tf", content: "x", previous: null }]);
    expect(requestReview({ id: "r1", review: null })).toBeNull();
  });

  it("refuses a row that does not fit, naming the request and the column", () => {
    expect(() => requestAnswers({ id: "r9", kind: "namespace", answers: { name: 7 } })).toThrow(StoredRequestError);
    expect(() => requestAnswers({ id: "r9", kind: "namespace", answers: { name: 7 } })).toThrow(/Request r9 has an unreadable answers column/);
    expect(() => requestFiles({ id: "r9", files: [{ path: "a.tf" }] })).toThrow(/unreadable files column/);
    expect(() => requestReview({ id: "r9", review: { autoApprovable: "yes" } })).toThrow(/unreadable review column/);
  });
});
