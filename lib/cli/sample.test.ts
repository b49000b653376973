import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { UsageError } from "./command";
import { sampleCommand } from "./sample";

const scratch = mkdtempSync(path.join(tmpdir(), "berth-sample-cli-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function capture() {
  const out = { stdout: "", stderr: "" };
  return { out, io: { stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t) } };
}

describe("berth sample", () => {
  it("generates a repository and prints its path, commit and count", async () => {
    const { out, io } = capture();
    const dir = path.join(scratch, "repo");
    expect(await sampleCommand.run(["--out", dir, "--namespaces", "12", "--seed", "4"], io)).toBe(0);
    expect(out.stdout).toMatch(new RegExp(`path: +${dir}\ncommit: +[0-9a-f]{40}\nnamespaces: +12 `));
  });

  it("can skip the checkout, leaving the same commit", async () => {
    const { out, io } = capture();
    const dir = path.join(scratch, "bare");
    expect(await sampleCommand.run(["--out", dir, "--namespaces", "12", "--seed", "4", "--no-checkout"], io)).toBe(0);
    expect(readdirSync(dir)).toEqual([".git"]);
    const commit = (text: string) => /commit: +([0-9a-f]{40})/.exec(text)?.[1];
    const { out: first, io: io2 } = capture();
    await sampleCommand.run(["--out", path.join(scratch, "checked-out"), "--namespaces", "12", "--seed", "4"], io2);
    expect(commit(out.stdout)).toBe(commit(first.stdout));
  });

  it("answers 1 with one line when the folder is not empty", async () => {
    const { out, io } = capture();
    expect(await sampleCommand.run(["--out", path.join(scratch, "repo"), "--namespaces", "3"], io)).toBe(1);
    expect(out.stderr).toMatch(/^berth sample: Refusing .* not empty\n$/);
  });

  it("rejects bad arguments as usage errors", async () => {
    const { io } = capture();
    await expect(sampleCommand.run([], io)).rejects.toThrow(UsageError);
    await expect(sampleCommand.run(["--out", "x", "--namespaces", "0"], io)).rejects.toThrow(/--namespaces/);
    await expect(sampleCommand.run(["--out", "x", "--seed", "abc"], io)).rejects.toThrow(/--seed/);
    await expect(sampleCommand.run(["--out", "x", "--now", "2026-13-45"], io)).rejects.toThrow(/--now/);
  });
});
