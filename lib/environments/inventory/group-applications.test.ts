import { describe, expect, it } from "vitest";
import { cloudPlatformProfile as profile } from "../profile/profile";
import { planSampleNamespaces } from "../sample/plan-sample-namespaces";
import { namespaceRecord } from "../testing/namespace-record";
import { applicationGroup, applicationKey, stagingOf } from "./group-applications";

const ENVIRONMENTS = ["development", "test", "staging", "preprod", "production"];
const ns = (name: string, environment: string, extra: Parameters<typeof namespaceRecord>[1] = {}) =>
  namespaceRecord(name, { environment, isProduction: environment === "production", application: "Book a visit", ...extra });

describe("applicationKey", () => {
  it("is the source-code repository's name however the URL is written, else the application annotation", () => {
    for (const url of [
      "https://github.com/ministryofjustice/book-a-visit",
      "https://github.com/ministryofjustice/book-a-visit/",
      "https://github.com/ministryofjustice/Book-A-Visit.git",
      "git@github.com:ministryofjustice/book-a-visit.git",
      "https://github.com/ministryofjustice/book-a-visit#readme",
    ]) {
      expect(applicationKey({ sourceCode: url, application: "anything" })).toBe("book-a-visit");
    }
    expect(applicationKey({ sourceCode: null, application: "Book a Visit (API)" })).toBe("book-a-visit-api");
    expect(applicationKey({ sourceCode: "n/a", application: "Book a visit" })).toBe("book-a-visit");
    expect(applicationKey({ sourceCode: null, application: null })).toBeNull();
    expect(applicationKey({ sourceCode: "", application: "!!!" })).toBeNull();
  });
});

describe("applicationGroup", () => {
  const repo = { sourceCode: "https://github.com/ministryofjustice/book-a-visit" };
  const all = [
    ns("book-a-visit-prod", "production", repo),
    ns("book-a-visit-dev", "development", repo),
    ns("book-a-visit-staging", "staging", repo),
    ns("book-a-visit-uat", "uat", repo),
    ns("other-dev", "development", { sourceCode: "https://github.com/ministryofjustice/other", application: "Other" }),
    // Same annotation, no repository: the same application.
    ns("book-a-visit-preprod", "preprod", { sourceCode: null, application: "book-a-visit" }),
  ];

  it("collects an application's namespaces, development first and production last", () => {
    expect(applicationGroup(all, "book-a-visit", ENVIRONMENTS).map((n) => n.name)).toEqual([
      "book-a-visit-dev",
      "book-a-visit-staging",
      "book-a-visit-preprod",
      "book-a-visit-uat",
      "book-a-visit-prod",
    ]);
    expect(applicationGroup(all, "other", ENVIRONMENTS).map((n) => n.name)).toEqual(["other-dev"]);
    expect(applicationGroup(all, "nothing", ENVIRONMENTS)).toEqual([]);
  });

  it("compares production with the last environment before it", () => {
    const group = applicationGroup(all.slice(0, 3), "book-a-visit", ENVIRONMENTS);
    expect(stagingOf(group)?.name).toBe("book-a-visit-staging");
    expect(stagingOf(group.slice(2))).toBeNull();
  });
});

describe("the sample repository", () => {
  it("has applications in several environments, production among them, grouped by their repository", () => {
    const plan = planSampleNamespaces({ namespaces: 300, seed: 1, profile, now: new Date("2026-12-05T00:00:00Z") });
    const groups = new Map<string, typeof plan>();
    for (const ns of plan) groups.set(applicationKey(ns)!, [...(groups.get(applicationKey(ns)!) ?? []), ns]);
    const full = [...groups.values()].filter((g) => g.some((ns) => ns.isProduction) && g.some((ns) => !ns.isProduction));
    expect(full.length).toBeGreaterThan(20);
    // One application per group: the key never joins two.
    for (const group of groups.values()) expect(new Set(group.map((ns) => ns.application)).size).toBe(1);
  });
});
