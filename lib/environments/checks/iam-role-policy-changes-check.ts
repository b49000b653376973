import type { PlatformProfile } from "../profile/profile";
import { namespacePath, orPass, type Change, type CheckResult } from "./change";
import { diffLines } from "./diff-lines";

/**
 * iam-role-policy-changes-check: a text match over the whole diff, added and
 * removed lines alike, for the profile's IAM patterns (`aws_iam`,
 * `"Effect":`, ...). A hit is not a failure of the change itself: it means a
 * platform reviewer must look at the IAM change, so it is a warning. IRSA,
 * serviceaccount and `role_policy_arns` lines are not hits as such; only the
 * patterns are.
 */
export function iamRolePolicyChangesCheck(change: Change, profile: PlatformProfile): CheckResult[] {
  const id = profile.policy.checkIds.iam;
  const patterns = profile.policy.iamPatterns;
  const out: CheckResult[] = [];
  for (const file of change.files) {
    const { added, removed } = diffLines(file.previous, file.content);
    const hits = [...added.map((l) => `+${l}`), ...removed.map((l) => `-${l}`)].filter((l) => patterns.some((p) => l.includes(p)));
    if (hits.length === 0) continue;
    const found = patterns.filter((p) => hits.some((l) => l.includes(p)));
    const name = namespacePath(file.path, profile)?.rel ?? file.path;
    out.push({
      id,
      status: "warn",
      message: `${name}: ${hits.length} changed line${hits.length === 1 ? "" : "s"} match ${found.join(", ")}: a platform review of the IAM change (first: ${hits[0]!.trim().slice(0, 80)})`,
      file: file.path,
    });
  }
  return orPass(id, out, `no changed line matches ${patterns.join(", ")}`);
}
