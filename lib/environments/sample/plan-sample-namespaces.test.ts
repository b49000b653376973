import { latestVersion } from "../profile/module-version";
import { describe, expect, it } from "vitest";
import { cloudPlatformProfile as profile } from "../profile/profile";
import { defaultSampleNow as now } from "./generate-sample-repo";
import { planSampleNamespaces } from "./plan-sample-namespaces";
import { sampleTeams } from "./sample-teams";

// Proportions are checked on a large plan (pure and fast) rather than a repository.
const plan = planSampleNamespaces({ namespaces: 3000, seed: 3, profile, now });
const share = (test: (ns: (typeof plan)[number]) => boolean) => plan.filter(test).length / plan.length;
const today = now.toISOString().slice(0, 10);

describe("planSampleNamespaces", () => {
  it("plans exactly N namespaces, unique across clusters, and is repeatable", () => {
    expect(plan).toHaveLength(3000);
    expect(new Set(plan.map((n) => n.name)).size).toBe(3000);
    expect(planSampleNamespaces({ namespaces: 3000, seed: 3, profile, now })).toEqual(plan);
    expect(planSampleNamespaces({ namespaces: 1, seed: 3, profile, now })).toHaveLength(1);
  });

  it("puts ~97% on the main cluster and a few on the second", () => {
    expect(share((n) => n.clusterDomain === profile.clusters[0]!.domain)).toBeGreaterThan(0.93);
    expect(share((n) => n.clusterDomain === profile.clusters[1]!.domain)).toBeGreaterThan(0.005);
  });

  it("skews business units like a real organisation", () => {
    const count = (bu: string) => share((n) => n.businessUnit === bu);
    expect(count("HMPPS")).toBeGreaterThan(0.35);
    expect(count("LAA")).toBeGreaterThan(0.08);
    for (const big of ["HMPPS", "LAA"]) for (const small of ["OPG", "CICA"]) expect(count(big)).toBeGreaterThan(count(small));
    expect(count("CICA")).toBeLessThan(0.04);
    expect(plan.every((n) => profile.businessUnits.includes(n.businessUnit))).toBe(true);
  });

  it("makes about a quarter production and dates reviews on non-production namespaces only", () => {
    expect(share((n) => n.isProduction)).toBeGreaterThan(0.2);
    expect(share((n) => n.isProduction)).toBeLessThan(0.35);
    expect(plan.filter((n) => n.isProduction).every((n) => n.reviewAfter === "")).toBe(true);
    const nonProd = plan.filter((n) => !n.isProduction);
    const dated = nonProd.filter((n) => n.reviewAfter !== "");
    expect(dated.length / nonProd.length).toBeGreaterThan(0.3);
    expect(dated.length / nonProd.length).toBeLessThan(0.7);
    expect(dated.filter((n) => n.reviewAfter < today).length).toBeGreaterThan(dated.length / 4);
    expect(dated.filter((n) => n.reviewAfter > today).length).toBeGreaterThan(dated.length / 4);
  });

  it("has teams owning several namespaces, a third with more teams, and a few skipped", () => {
    const owned = new Map<string, number>();
    for (const n of plan) owned.set(n.team.slug, (owned.get(n.team.slug) ?? 0) + 1);
    expect(owned.size).toBeGreaterThan(100);
    expect(owned.size).toBeLessThanOrEqual(sampleTeams.length);
    expect([...owned.values()].filter((c) => c >= 3).length).toBeGreaterThan(owned.size / 2);
    expect(share((n) => n.extraTeams.length > 0)).toBeGreaterThan(0.22);
    expect(share((n) => n.extraTeams.length > 0)).toBeLessThan(0.45);
    expect(plan.every((n) => n.extraTeams.every((t) => t.team.slug !== n.team.slug))).toBe(true);
    expect(share((n) => n.skipApply)).toBeGreaterThan(0.005);
    expect(share((n) => n.skipApply)).toBeLessThan(0.05);
  });

  it("uses modules in roughly the real proportions, a quarter of pins lagging", () => {
    const uses: Record<string, number> = {};
    let pins = 0;
    let lagging = 0;
    for (const n of plan) {
      for (const g of n.modules) {
        uses[g.module] = (uses[g.module] ?? 0) + g.instances.length;
        pins++;
        if (g.ref !== latestVersion(profile, g.module)) lagging++;
      }
    }
    const perNamespace = (m: string) => (uses[m] ?? 0) / plan.length;
    expect(perNamespace("sqs")).toBeGreaterThan(perNamespace("serviceaccount"));
    expect(perNamespace("serviceaccount")).toBeGreaterThan(perNamespace("ecr-credentials"));
    expect(perNamespace("irsa")).toBeGreaterThan(perNamespace("ecr-credentials"));
    expect(perNamespace("rds-instance")).toBeGreaterThan(perNamespace("s3-bucket"));
    expect(perNamespace("s3-bucket")).toBeGreaterThan(perNamespace("secrets-manager"));
    expect(perNamespace("secrets-manager")).toBeGreaterThan(perNamespace("sns-topic"));
    expect(perNamespace("sns-topic")).toBeGreaterThan(perNamespace("dynamodb-cluster"));
    expect(perNamespace("sqs")).toBeGreaterThan(0.8);
    expect(perNamespace("sqs")).toBeLessThan(1.6);
    expect(perNamespace("dynamodb-cluster")).toBeGreaterThan(0);
    expect(lagging / pins).toBeGreaterThan(0.15);
    expect(lagging / pins).toBeLessThan(0.35);
  });
});
