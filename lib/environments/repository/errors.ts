/** Why a path could not be read as an environments repository. */
export type NotAnEnvironmentsRepoReason = "missing" | "not-git" | "no-commits" | "unknown-commit" | "no-namespaces-dir";

/** The path given is not an environments repository Berth can read (at that commit). */
export class NotAnEnvironmentsRepoError extends Error {
  constructor(
    readonly repoPath: string,
    readonly reason: NotAnEnvironmentsRepoReason,
    message: string,
  ) {
    super(message);
    this.name = "NotAnEnvironmentsRepoError";
  }
}

/** A git command failed for a reason other than the repository's shape. */
export class GitCommandError extends Error {
  constructor(
    readonly args: string[],
    readonly stderr: string,
  ) {
    super(`git ${args.join(" ")} failed: ${stderr.trim().split("\n")[0] || "no output"}`);
    this.name = "GitCommandError";
  }
}
