import { execFile } from "node:child_process";
import { existsSync } from "node:fs";

export interface CloneOptions {
  /** The repository's clone URL (https). */
  remote: string;
  /** Berth's own bare clone. */
  path: string;
  branch: string;
  /**
   * Sent as HTTP basic credentials; passed through git's environment, never
   * its arguments or config files. A function is asked at every sync (a
   * GitHub App's installation tokens expire after an hour).
   */
  token?: string | (() => Promise<string>);
}

function git(args: string[], options: { token?: string }): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_TERMINAL_PROMPT: "0" };
  if (options.token) {
    // Note: GIT_CONFIG_* keeps the token out of `ps` and out of the clone's config.
    env.GIT_CONFIG_COUNT = "1";
    env.GIT_CONFIG_KEY_0 = "http.extraHeader";
    env.GIT_CONFIG_VALUE_0 = `Authorization: Basic ${Buffer.from(`x-access-token:${options.token}`).toString("base64")}`;
  }
  return new Promise((resolve, reject) => {
    execFile("git", args, { env, maxBuffer: 1 << 24, encoding: "utf8" }, (error, stdout, stderr) => {
      if (error) reject(new Error(`git ${args[0] === "-C" ? args[2] : args[0]} failed: ${String(stderr).trim().split("\n").pop() ?? error.message}`));
      else resolve(String(stdout).trim());
    });
  });
}

/**
 * Keeps Berth's bare clone of the environments repository's default branch
 * current: clones it the first time, then fetches that branch. Returns the
 * branch's commit. The inventory index reads the clone's HEAD.
 */
export async function syncClone(clone: CloneOptions): Promise<string> {
  const options = { ...clone, token: typeof clone.token === "function" ? await clone.token() : clone.token };
  if (!existsSync(options.path)) {
    await git(["clone", "--quiet", "--bare", "--single-branch", "--branch", options.branch, options.remote, options.path], options);
  } else {
    await git(["-C", options.path, "fetch", "--quiet", "--prune", options.remote, `+refs/heads/${options.branch}:refs/heads/${options.branch}`], options);
  }
  await git(["-C", options.path, "symbolic-ref", "HEAD", `refs/heads/${options.branch}`], options);
  return git(["-C", options.path, "rev-parse", `refs/heads/${options.branch}`], options);
}
