import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** Test helper: a throwaway git repository driven by real git commands. */
export interface TestRepo {
  dir: string;
  /** Writes (string) or deletes (null) files, commits them all, returns the commit id. */
  commit(files: Record<string, string | Buffer | null>, message?: string): string;
  git(...args: string[]): string;
  remove(): void;
}

export function createTestRepo(prefix = "berth-env-"): TestRepo {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "user.name=Berth Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", ...args], {
      cwd: dir,
      encoding: "utf8",
      maxBuffer: 1 << 30,
    }).trim();
  git("init", "-q", "-b", "main");
  return {
    dir,
    git,
    commit(files, message = "change") {
      for (const [rel, contents] of Object.entries(files)) {
        const full = path.join(dir, rel);
        if (contents === null) rmSync(full, { recursive: true, force: true });
        else {
          mkdirSync(path.dirname(full), { recursive: true });
          writeFileSync(full, contents);
        }
      }
      git("add", "-A");
      git("commit", "-q", "--allow-empty", "-m", message);
      return git("rev-parse", "HEAD");
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
