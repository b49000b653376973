import { describe, expect, it } from "vitest";
import { createGitHubBudget } from "./github-budget";

describe("createGitHubBudget", () => {
  it("pauses background reads while a resource is below the reserve, until its window resets", () => {
    let now = new Date("2026-06-01T10:00:00Z");
    const budget = createGitHubBudget({ reserve: 500, now: () => now });
    const reset = now.getTime() / 1000 + 600;
    expect(budget.backgroundPaused()).toBe(false);

    budget.observe({ rateLimitRemaining: 4000, rateLimitReset: reset, rateLimitResource: "core" });
    budget.observe({ rateLimitRemaining: 499, rateLimitReset: reset, rateLimitResource: "graphql" });
    expect(budget.backgroundPaused()).toBe(true);
    expect(budget.state()).toMatchObject({ backgroundPaused: true, reserve: 500 });
    expect(budget.state().windows.map((w) => [w.resource, w.remaining])).toEqual([
      ["core", 4000],
      ["graphql", 499],
    ]);

    budget.observe({ rateLimitRemaining: 500, rateLimitReset: reset, rateLimitResource: "graphql" });
    expect(budget.backgroundPaused()).toBe(false);
    budget.observe({ rateLimitRemaining: 10, rateLimitReset: reset, rateLimitResource: "core" });
    expect(budget.backgroundPaused()).toBe(true);

    now = new Date(reset * 1000);
    expect(budget.backgroundPaused()).toBe(false);
    expect(budget.state().windows).toEqual([]);
  });

  it("ignores answers without rate-limit headers, and counts a missing resource as core", () => {
    const now = new Date("2026-06-01T10:00:00Z");
    const budget = createGitHubBudget({ reserve: 100, now: () => now });
    budget.observe({ rateLimitRemaining: null, rateLimitReset: null, rateLimitResource: null });
    budget.observe({ rateLimitRemaining: 5, rateLimitReset: now.getTime() / 1000 + 60, rateLimitResource: null });
    expect(budget.state().windows).toMatchObject([{ resource: "core", remaining: 5 }]);
    expect(budget.backgroundPaused()).toBe(true);
  });
});
