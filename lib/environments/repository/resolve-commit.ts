import { stat } from "node:fs/promises";
import { GitCommandError, NotAnEnvironmentsRepoError } from "./errors";
import { runGit } from "./run-git";

/**
 * Resolves a revision of the repository at repoPath to a full commit id.
 * Throws NotAnEnvironmentsRepoError when the path is missing, is not the top
 * of a git repository, has no commits, or does not know the revision.
 */
export async function resolveCommit(repoPath: string, revision = "HEAD"): Promise<string> {
  const info = await stat(repoPath).catch(() => null);
  if (!info) throw new NotAnEnvironmentsRepoError(repoPath, "missing", `${repoPath} does not exist`);
  if (!info.isDirectory()) throw new NotAnEnvironmentsRepoError(repoPath, "missing", `${repoPath} is not a folder`);

  let prefix: string;
  try {
    prefix = (await runGit(repoPath, ["rev-parse", "--show-prefix"])).toString("utf8").trim();
  } catch (error) {
    const detail = error instanceof GitCommandError && /dubious ownership/.test(error.stderr) ? " (git refuses it: dubious ownership)" : "";
    throw new NotAnEnvironmentsRepoError(repoPath, "not-git", `${repoPath} is not a git repository${detail}`);
  }
  if (prefix !== "") {
    throw new NotAnEnvironmentsRepoError(repoPath, "not-git", `${repoPath} is a folder inside a git repository, not its top folder`);
  }
  return resolveRevision(repoPath, revision);
}

/**
 * The commit a revision names in a repository already known to be an
 * environments repository (one git call, where resolveCommit makes two):
 * what re-indexing after each commit needs.
 */
export async function resolveRevision(repoPath: string, revision = "HEAD"): Promise<string> {
  if (revision.startsWith("-")) throw new NotAnEnvironmentsRepoError(repoPath, "unknown-commit", `${revision} is not a commit`);
  try {
    return (await runGit(repoPath, ["rev-parse", "--verify", "--quiet", `${revision}^{commit}`])).toString("utf8").trim();
  } catch {
    if (revision === "HEAD") throw new NotAnEnvironmentsRepoError(repoPath, "no-commits", `${repoPath} has no commits`);
    throw new NotAnEnvironmentsRepoError(repoPath, "unknown-commit", `${repoPath} has no commit ${revision}`);
  }
}
