import { describe, expect, it } from "vitest";
import {
  defaultReviewAfter,
  nameTakenError,
  proposesReviewAfter,
  namespaceRequestSchema,
  validateNamespaceRequest,
  type NamespaceRequestInput,
} from "./namespace-request";
import { cloudPlatformProfile as profile } from "../profile/profile";
import { namespaceRequestFixture } from "../testing/namespace-request-fixture";

const good: NamespaceRequestInput = namespaceRequestFixture({ slackChannel: "#visits-dev", reviewAfter: "2026-04-05" });

function fieldsFor(overrides: Record<string, unknown>): Record<string, string> {
  const result = validateNamespaceRequest({ ...good, ...overrides }, profile);
  return result.ok ? {} : result.fields;
}

describe("validateNamespaceRequest", () => {
  it("accepts a good request, trimming free text and storing the Slack channel without #", () => {
    const result = validateNamespaceRequest({ ...good, application: "  Book a prison visit ", extra: "dropped" }, profile);
    expect(result).toEqual({ ok: true, value: { ...good, slackChannel: "visits-dev" } });
  });

  it.each([
    ["name", "", /enter a namespace name/],
    ["name", "Book", /lower-case letters, digits and hyphens/],
    ["name", "book_a_visit", /lower-case letters, digits and hyphens/],
    ["name", "-book", /start and end with a letter or digit/],
    ["name", "book-", /start and end/],
    ["name", "a".repeat(64), /at most 63/],
    ["name", "bad\nname", /lower-case/],
    ["name", undefined, /enter a namespace name/],
    ["cluster", "mars", /one of: live, live-2/],
    ["environment", "Dev", /one lower-case word/],
    ["environment", "pre-prod", /one lower-case word/],
    ["environment", "dev1", /one lower-case word/],
    ["environment", "", /enter the environment/],
    ["environment", "x".repeat(64), /at most 63/],
    ["businessUnit", "Acme", /one of: Central Digital/],
    ["isProduction", "false", /true or false/],
    ["team", "Visits Team", /GitHub team slug/],
    ["team", "github:visits", /GitHub team slug/],
    ["slackChannel", "#Visits Dev", /Slack channel/],
    ["slackChannel", "#", /enter a Slack channel/],
    ["sourceCode", "javascript:alert(1)", /http\(s\) URL/],
    ["sourceCode", "ftp://example.org/x", /http\(s\) URL/],
    ["sourceCode", "https://user:pw@example.org/x", /credentials/],
    ["sourceCode", "https://example.org/a b", /http\(s\) URL/],
    ["ownerEmail", "not-an-email", /valid email/],
    ["ownerEmail", "a@b.c\nx: y", /valid email/],
    ["reviewAfter", "2026-02-30", /real date/],
    ["reviewAfter", "05/04/2026", /real date/],
    ["reviewAfter", "2026-4-5", /real date/],
    ["application", "   ", /enter the application name/],
    ["application", "one\ntwo", /single line/],
    ["application", "one\u2028two", /single line/],
    ["application", "tab\there", /single line/],
    ["application", "nul\u0000", /single line/],
    ["application", "lone \ud800 surrogate", /cannot be stored/],
    ["application", "x".repeat(201), /at most 200/],
    ["serviceArea", "", /enter the service area/],
    ["ownerName", "Team\r\nX", /single line/],
    ["ownerName", 42, /must be text/],
  ])("rejects %s = %j with a message naming the problem", (field, value, message) => {
    const fields = fieldsFor({ [field]: value });
    expect(Object.keys(fields)).toEqual([field]);
    expect(fields[field]).toMatch(message);
  });

  it("accepts any lower-case environment word the repository uses, not only the profile's suggestions", () => {
    for (const environment of ["qa", "uat", "preproduction", "training", "prod", "sandbox"]) {
      expect(fieldsFor({ environment })).toEqual({});
    }
  });

  it("accepts an empty review-after date and hostile but single-line free text as is", () => {
    const application = '${file("/etc/passwd")} ": injected: key &a !!python/object --- Zoë 🚢';
    const result = validateNamespaceRequest({ ...good, reviewAfter: "", application }, profile);
    expect(result.ok && result.value.application).toBe(application);
    expect(result.ok && result.value.reviewAfter).toBe("");
  });

  it("reports every failing field, and a non-object as the request", () => {
    const result = validateNamespaceRequest({}, profile);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.fields).sort()).toEqual(Object.keys(good).sort());
    expect(validateNamespaceRequest("nope", profile)).toEqual({ ok: false, fields: { request: expect.any(String) } });
    expect(validateNamespaceRequest(null, profile).ok).toBe(false);
  });

  it("has a profile-free schema for the form that checks everything but the profile's lists", () => {
    expect(namespaceRequestSchema.safeParse({ ...good, businessUnit: "Acme", cluster: "prod" }).success).toBe(true);
    expect(namespaceRequestSchema.safeParse({ ...good, name: "Bad" }).success).toBe(false);
  });
});

describe("validateNamespaceRequest: answers that make no sense together", () => {
  it("refuses an environment named production that is marked not production, on the production answer", () => {
    expect(fieldsFor({ environment: "production", isProduction: false })).toEqual({ isProduction: expect.stringMatching(/environment is "production"/) });
    expect(fieldsFor({ environment: "production", isProduction: true, reviewAfter: "" })).toEqual({});
    expect(fieldsFor({ environment: "staging", isProduction: false })).toEqual({});
  });

  it("refuses a review-after date before today when given today, and only then", () => {
    const on = (reviewAfter: string, today?: string) => {
      const result = validateNamespaceRequest({ ...good, reviewAfter }, profile, { today });
      return result.ok ? {} : result.fields;
    };
    expect(on("2026-04-04", "2026-04-05")).toEqual({ reviewAfter: "the review-after date is in the past: choose 2026-04-05 or later, or leave it empty" });
    expect(on("2026-04-05", "2026-04-05")).toEqual({});
    expect(on("", "2026-04-05")).toEqual({});
    expect(on("2020-01-01")).toEqual({});
  });

  it("leaves the stored-request schema alone: a stored request whose date has passed still reads", () => {
    expect(namespaceRequestSchema.safeParse({ ...good, environment: "production", reviewAfter: "2000-01-01" }).success).toBe(true);
  });
});

describe("proposesReviewAfter", () => {
  it("MoJ: only non-production development (sandbox) namespaces", () => {
    expect(proposesReviewAfter(profile, { environment: "development", isProduction: false })).toBe(true);
    expect(proposesReviewAfter(profile, { environment: "development", isProduction: true })).toBe(false);
    expect(proposesReviewAfter(profile, { environment: "staging", isProduction: false })).toBe(false);
    expect(proposesReviewAfter(profile, { environment: "uat", isProduction: false })).toBe(false);
    expect(defaultReviewAfter(new Date("2026-01-05T10:00:00Z"), profile, false, "development")).toBe("2026-04-05");
    expect(defaultReviewAfter(new Date("2026-01-05T10:00:00Z"), profile, false, "staging")).toBe("");
  });

  it("a profile without reviewAfterEnvironments proposes one for every non-production namespace", () => {
    const open = { defaults: { githubOwner: "x", reviewAfterMonths: 1 } };
    expect(proposesReviewAfter(open, { environment: "staging", isProduction: false })).toBe(true);
    expect(proposesReviewAfter(open, { environment: "staging", isProduction: true })).toBe(false);
    expect(defaultReviewAfter(new Date("2026-01-05T10:00:00Z"), open, false, "staging")).toBe("2026-02-05");
  });
});

describe("defaultReviewAfter", () => {
  it("is the profile's months out for non-production and empty for production", () => {
    expect(defaultReviewAfter(new Date("2026-01-05T10:00:00Z"), profile)).toBe("2026-04-05");
    expect(defaultReviewAfter(new Date("2026-01-05T10:00:00Z"), profile, false)).toBe("2026-04-05");
    expect(defaultReviewAfter(new Date("2026-01-05T10:00:00Z"), profile, true)).toBe("");
  });

  it("falls back to the last day of a shorter month and crosses years", () => {
    expect(defaultReviewAfter(new Date("2025-11-30T00:00:00Z"), profile)).toBe("2026-02-28");
    expect(defaultReviewAfter(new Date("2027-11-30T00:00:00Z"), profile)).toBe("2028-02-29");
    expect(defaultReviewAfter(new Date("2026-03-01T00:00:00Z"), { defaults: { ...profile.defaults, reviewAfterMonths: 12 } })).toBe("2027-03-01");
  });
});

describe("nameTakenError", () => {
  it("names a taken name and passes a free one", () => {
    expect(nameTakenError("a", new Set(["a", "b"]))).toMatch(/already exists/);
    expect(nameTakenError("c", ["a", "b"])).toBeNull();
  });
});
