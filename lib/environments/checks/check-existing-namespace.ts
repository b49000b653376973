import type { PlatformProfile } from "../profile/profile";
import type { CheckResult } from "./change";
import { runChecks } from "./run-checks";

/**
 * The repository's checks over a namespace that already exists, as if its
 * whole folder were a new pull request (`berth check`): every file added,
 * 01-rbac.yaml read from the folder itself, no author. Two differences, so
 * that only a namespace that really breaks a rule fails: a module behind its
 * latest release is a warning (the version check fails only once a pull
 * request changes that file), and so is the IAM check's hit, as it always is.
 */
export function checkExistingNamespace(folder: string, files: Record<string, string>, profile: PlatformProfile): CheckResult[] {
  const change = {
    files: Object.entries(files).map(([rel, content]) => ({ path: `${folder}/${rel}`, content, previous: null })),
    readBase: () => null,
    author: null,
  };
  return runChecks(change, profile).map((r) =>
    r.id === profile.policy.checkIds.moduleVersion && r.status === "fail"
      ? { ...r, status: "warn" as const, message: `${r.message} (fails once a pull request changes this file)` }
      : r,
  );
}
