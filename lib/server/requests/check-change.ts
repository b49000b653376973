import { baseFrom, namespacePath, type Change, type ChangedFile, type CheckResult } from "@/lib/environments/checks/change";
import { forecastReview } from "@/lib/environments/checks/forecast-review";
import { CODEOWNERS_PATHS } from "@/lib/environments/checks/parse-codeowners";
import type { ReviewForecast } from "@/lib/environments/checks/review-forecast";
import { runChecks } from "@/lib/environments/checks/run-checks";
import type { PlatformProfile } from "@/lib/environments/profile/profile";

export interface CheckedChange {
  checks: CheckResult[];
  review: ReviewForecast;
}

/**
 * Runs the repository's checks and the review forecast over the files a
 * request would change, reading from the base commit what they compare
 * against: each touched namespace's 01-rbac.yaml and the CODEOWNERS file.
 */
export async function checkChange(
  files: ChangedFile[],
  context: {
    profile: PlatformProfile;
    /** The pull request's author; null when not known (check-permissions then names who may pass). */
    author: Change["author"];
    /** Reads a file at the base commit; null when absent. */
    readBase: (path: string) => Promise<string | null>;
    namespace?: { isProduction: boolean; skipApply: boolean } | null;
  },
): Promise<CheckedChange> {
  const { profile } = context;
  const base = new Map<string, string>();
  const wanted = new Set<string>(CODEOWNERS_PATHS);
  for (const f of files) {
    const at = namespacePath(f.path, profile);
    if (at) wanted.add(`${at.folder}/01-rbac.yaml`);
  }
  for (const path of wanted) {
    const text = await context.readBase(path);
    if (text !== null) base.set(path, text);
  }
  const change = { files, readBase: baseFrom(base), author: context.author };
  const checks = runChecks(change, profile);
  const codeowners = CODEOWNERS_PATHS.map((p) => base.get(p)).find((t) => t !== undefined) ?? null;
  return { checks, review: forecastReview({ change, results: checks, codeowners, namespace: context.namespace }, profile) };
}
