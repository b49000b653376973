import { execFile } from "node:child_process";
import { GitCommandError } from "./errors";

/** Runs git in a repository and resolves with its stdout; rejects with GitCommandError. */
export function runGit(repoPath: string, args: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      "git",
      ["-C", repoPath, "--literal-pathspecs", ...args],
      { encoding: "buffer", maxBuffer: 1 << 30, windowsHide: true },
      (error, stdout, stderr) => {
        if (error) reject(new GitCommandError(args, stderr?.toString("utf8") || error.message));
        else resolve(stdout);
      },
    );
  });
}

/** A file's text at a commit; null when the commit does not hold it (or git cannot read it). */
export function readFileAt(repoPath: string, commit: string, path: string): Promise<string | null> {
  return runGit(repoPath, ["cat-file", "blob", `${commit}:${path}`]).then(
    (blob) => blob.toString("utf8"),
    () => null,
  );
}
