import { resolveCommit } from "./resolve-commit";

/** The commit HEAD points at; throws NotAnEnvironmentsRepoError like resolveCommit. */
export function headCommit(repoPath: string): Promise<string> {
  return resolveCommit(repoPath, "HEAD");
}
