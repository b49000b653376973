import type { PlatformProfile } from "../profile/profile";
import type { Change, CheckResult } from "./change";
import { checkPermissions } from "./check-permissions";
import { checkTerraformModuleVersion } from "./check-terraform-module-version";
import { compareNamespaces } from "./compare-namespaces";
import { ecrDeletionCheck } from "./ecr-deletion-check";
import { iamRolePolicyChangesCheck } from "./iam-role-policy-changes-check";
import { malformedYaml } from "./malformed-yaml";
import { regoNamespacePolicy } from "./rego-namespace-policy";
import { rejectMultiNamespacePrs } from "./reject-multi-namespace-prs";
import { yamlMetadataChangeCheck } from "./yaml-metadata-change-check";

/** The repository's PR checks, in the order its CI lists them. */
export const CHECKS: readonly ((change: Change, profile: PlatformProfile) => CheckResult[])[] = [
  regoNamespacePolicy,
  checkPermissions,
  rejectMultiNamespacePrs,
  iamRolePolicyChangesCheck,
  checkTerraformModuleVersion,
  malformedYaml,
  yamlMetadataChangeCheck,
  compareNamespaces,
  ecrDeletionCheck,
];

/** Every check over one change: at least one result per check, each naming the check it mirrors. */
export function runChecks(change: Change, profile: PlatformProfile): CheckResult[] {
  return CHECKS.flatMap((check) => check(change, profile));
}

/**
 * The failures that stop Berth opening a pull request, one line each, for a
 * form's field error. check-terraform-module-version is left to the
 * forecast: it judges every module of a changed file, so upgrading one module
 * beside another that lags fails it, and the requester may still want the PR.
 */
export function failureSummary(results: CheckResult[], profile: PlatformProfile): string {
  return results
    .filter((r) => r.status === "fail" && r.id !== profile.policy.checkIds.moduleVersion)
    .map((r) => `${r.id}: ${r.message}`)
    .join("; ");
}
