import { describe, expect, it, vi } from "vitest";

/** Two copies of a module, as Next's instrumentation bundle and a route's bundle each hold one. */
async function twoCopies<T>(load: () => Promise<T>): Promise<[T, T]> {
  vi.resetModules();
  const first = await load();
  vi.resetModules();
  return [first, await load()];
}

describe("errors thrown by the services' provider and caught by a route's use-case", () => {
  it("are instances of every copy of their class, and of no other class", async () => {
    const [a, b] = await twoCopies(() => import("./git-provider"));
    expect(a.MergeRefusedError).not.toBe(b.MergeRefusedError);
    const refused = new a.MergeRefusedError("conflict", "no longer merges");
    expect(refused).toBeInstanceOf(b.MergeRefusedError);
    expect(refused).toBeInstanceOf(Error);
    expect(refused).not.toBeInstanceOf(b.BranchMovedError);
    expect(new a.BranchMovedError("berth/x", null, "a".repeat(40))).toBeInstanceOf(b.BranchMovedError);
    expect(new Error("plain")).not.toBeInstanceOf(b.MergeRefusedError);
    expect(Object.assign(new Error("look-alike"), { name: "MergeRefusedError" })).not.toBeInstanceOf(b.MergeRefusedError);
    expect(null).not.toBeInstanceOf(b.MergeRefusedError);
  });

  it("holds for AppError, which routes answer with its status", async () => {
    const [a, b] = await twoCopies(() => import("@/lib/errors"));
    expect(a.AppError).not.toBe(b.AppError);
    expect(b.isAppError(new a.AppError("conflict", "taken"))).toBe(true);
    expect(b.isAppError(new Error("x"))).toBe(false);
  });
});
