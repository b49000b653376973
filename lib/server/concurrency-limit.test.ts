import { describe, expect, it } from "vitest";
import { createConcurrencyLimit } from "./concurrency-limit";

describe("createConcurrencyLimit", () => {
  it("allows max at once per key; a release frees one slot, once", () => {
    const limit = createConcurrencyLimit(2);
    const a = limit.acquire("ann");
    const b = limit.acquire("ann");
    expect(limit.acquire("ann")).toBeNull();
    expect(limit.acquire("bob")).not.toBeNull();
    a!();
    a!();
    expect(limit.held("ann")).toBe(1);
    expect(limit.acquire("ann")).not.toBeNull();
    expect(limit.acquire("ann")).toBeNull();
    b!();
    expect(limit.held("ann")).toBe(1);
  });
});
