import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { syncClone } from "./sync-clone";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const tmp = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), "berth-clone-"));
  dirs.push(d);
  return d;
};
const git = (dir: string, ...args: string[]) =>
  execFileSync("git", ["-C", dir, "-c", "user.name=t", "-c", "user.email=t@x", ...args], { encoding: "utf8" }).trim();

describe("syncClone", () => {
  it("clones the branch once, then fetches what was merged", async () => {
    const upstream = tmp();
    git(upstream, "init", "-q", "-b", "main");
    writeFileSync(path.join(upstream, "a.txt"), "1\n");
    git(upstream, "add", ".");
    git(upstream, "commit", "-q", "-m", "one");
    const clone = path.join(tmp(), "clone.git");
    const options = { remote: upstream, path: clone, branch: "main", token: "gho_secret" };

    expect(await syncClone(options)).toBe(git(upstream, "rev-parse", "main"));
    writeFileSync(path.join(upstream, "b.txt"), "2\n");
    git(upstream, "add", ".");
    git(upstream, "commit", "-q", "-m", "two");
    expect(await syncClone(options)).toBe(git(upstream, "rev-parse", "main"));
    expect(git(clone, "rev-parse", "HEAD")).toBe(git(upstream, "rev-parse", "main"));
    expect(git(clone, "config", "--local", "--list")).not.toContain("gho_secret");
  });

  it("names the failing step when the remote cannot be read", async () => {
    await expect(syncClone({ remote: path.join(tmp(), "missing"), path: path.join(tmp(), "c.git"), branch: "main" })).rejects.toThrow(/git clone failed/);
  });
});
