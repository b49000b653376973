import { isMajorBump } from "../profile/module-version";
import type { PlatformProfile } from "../profile/profile";
import { parseModuleSource } from "../repository/parse-module-source";
import { scanTerraformModules } from "../repository/scan-terraform-modules";
import { namespacePath, type Change, type CheckResult } from "./change";
import { diffLines } from "./diff-lines";
import { ownersFor, parseCodeowners } from "./parse-codeowners";
import type { ReviewFlagKey, ReviewFlags, ReviewForecast } from "./review-forecast";

const PUBLIC_BUCKET = /^\s*(enable_allow_block_pub_access\s*=\s*"?false"?|acl\s*=\s*"public-read(-write)?")/;

export interface ForecastInput {
  change: Change;
  /** The checks' results over the same change (runChecks). */
  results: CheckResult[];
  /** The repository's CODEOWNERS at the base commit; null when it has none. */
  codeowners: string | null;
  /** The namespace as indexed, when it exists. */
  namespace?: { isProduction: boolean; skipApply: boolean } | null;
}

/**
 * Who must approve a change and what they will look at: the approvers from
 * CODEOWNERS (or the profile's default owners), whether the platform's
 * auto-approver (if the profile has one) would approve, the checks that will
 * fail, and the reviewer's flags, one line per reason.
 */
export function forecastReview(input: ForecastInput, profile: PlatformProfile): ReviewForecast {
  const { change, results } = input;
  const paths = change.files.map((f) => f.path);
  const fromFile = input.codeowners === null ? [] : ownersFor(parseCodeowners(input.codeowners), paths);
  const approvers = fromFile.length > 0 ? fromFile : profile.review.defaultOwners;
  const ids = profile.policy.checkIds;
  const flags = reviewFlags(input, profile);

  const failing = unique(results.filter((r) => r.status === "fail").map((r) => ({ id: r.id, message: r.message })));
  const reasons: string[] = [];
  if (flags.production) reasons.push("Production namespace");
  if (flags.skipApply) reasons.push(`The namespace carries ${profile.skipApplyMarker}: the continuous apply skips it (the apply on merge does not)`);
  if (flags.publicBucket) reasons.push("An S3 bucket is opened to the public");
  for (const line of majorBumps(change, profile)) reasons.push(line);
  for (const r of results.filter((r) => r.status === "warn")) reasons.push(`${r.id}: ${r.message}`);
  if (flags.uncataloguedVersion && !failing.some((f) => f.id === ids.moduleVersion)) reasons.push("A module is not at its latest release");

  const auto = profile.review.autoApprover;
  let autoApproved: boolean | null = null;
  let summary: string;
  const who = approvers.length > 0 ? approvers.join(", ") : "a repository maintainer";
  if (!auto) {
    summary = `Needs an approval from ${who}${fromFile.length > 0 ? " (CODEOWNERS)" : ""}; the platform has no auto-approver`;
  } else {
    const blocking = auto.blockingFlags.filter((f) => flags[f as ReviewFlagKey]);
    const outside = change.files.filter((f) => {
      const rel = namespacePath(f.path, profile)?.rel;
      return rel === undefined || !auto.paths.some((p) => rel.startsWith(p));
    });
    autoApproved = failing.length === 0 && blocking.length === 0 && outside.length === 0 && change.files.length > 0;
    summary = autoApproved
      ? `${auto.name} would approve it`
      : `${auto.name} would not approve it (${[...(failing.length > 0 ? ["a check fails"] : []), ...blocking, ...(outside.length > 0 ? [`files outside ${auto.paths.join(", ")}`] : [])].join(", ")}): needs an approval from ${who}`;
  }
  return { version: 2, approvers, autoApproved, summary, failing, reasons: [...new Set(reasons)], flags };
}

function unique<T>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => {
    const key = JSON.stringify(i);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

function reviewFlags(input: ForecastInput, profile: PlatformProfile): ReviewFlags {
  const { change, results } = input;
  const ids = profile.policy.checkIds;
  const flags: ReviewFlags = {
    production: input.namespace?.isProduction ?? false,
    iam: results.some((r) => r.id === ids.iam && r.status !== "pass"),
    yamlOutsideResources: false,
    skipApply: input.namespace?.skipApply ?? false,
    uncataloguedVersion: results.some((r) => r.id === ids.moduleVersion && r.status !== "pass"),
    publicBucket: false,
    majorBump: majorBumps(change, profile).length > 0,
    clusterStateUnknown: false,
  };
  for (const file of change.files) {
    const at = namespacePath(file.path, profile);
    if (!at || !at.rel.startsWith("resources/")) flags.yamlOutsideResources = true;
    if (at?.rel === profile.skipApplyMarker && file.content !== null) flags.skipApply = true;
    if (
      at?.rel === "00-namespace.yaml" &&
      file.content !== null &&
      new RegExp(`${escape(profile.labelPrefix)}/is-production["']?\\s*:\\s*["']?true\\b`).test(file.content)
    )
      flags.production = true;
    if (file.path.endsWith(".tf") && diffLines(file.previous, file.content).added.some((l) => PUBLIC_BUCKET.test(l))) flags.publicBucket = true;
  }
  return flags;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** "module x: sqs 4.0.0 -> 5.1.2, a new major version" for every module block whose pin's major version rises. */
function majorBumps(change: Change, profile: PlatformProfile): string[] {
  const lines: string[] = [];
  for (const file of change.files) {
    if (file.previous === null || file.content === null || !file.path.endsWith(".tf")) continue;
    const pins = (text: string) =>
      new Map(
        scanTerraformModules(text)
          .modules.filter((m) => m.source !== null)
          .map((m) => {
            const parsed = parseModuleSource(m.source!, profile.modulePrefix);
            return [m.name, { module: parsed.module, ref: parsed.ref ?? m.version }] as const;
          }),
      );
    const before = pins(file.previous);
    for (const [name, after] of pins(file.content)) {
      const was = before.get(name);
      if (!was?.ref || !after.ref) continue;
      if (isMajorBump(was.ref, after.ref)) lines.push(`Module ${name}: ${after.module} ${was.ref} -> ${after.ref}, a new major version`);
    }
  }
  return lines;
}
