import { compareVersions, latestVersion } from "../profile/module-version";
import { namespacesDir } from "../profile/namespaces-dir";
import { parseModuleSource } from "../repository/parse-module-source";
import type { PlatformProfile } from "../profile/profile";
import { scanTerraformModules, type ModuleBlock } from "../repository/scan-terraform-modules";
import type { NamespaceRecord } from "../types";

export interface ChangedFile {
  /** Path from the repository root. */
  path: string;
  content: string;
  /** The file before the change; null or absent for a new file. */
  previous?: string | null;
}

export interface ReviewFlags {
  /** The namespace is production (its record, or the is-production label of a new namespace). */
  production: boolean;
  /** An irsa or serviceaccount module, an `aws_iam_*` resource or data source, or `role_policy_arns` is added or changed. */
  iam: boolean;
  /** A file outside resources/ changes (the namespace's YAML, the skip-apply marker, anything else). */
  yamlOutsideResources: boolean;
  /** The namespace carries the apply pipeline's skip marker, or the change adds it. */
  skipApply: boolean;
  /** A changed module is not in the catalogue, not pinned, or pinned to a version other than the catalogue's. */
  uncataloguedVersion: boolean;
  /** An S3 bucket is opened to the public. */
  publicBucket?: boolean;
  /** Set by Berth at submit time, not predicted: a cluster's namespaces were not known then, so the name may already run there. */
  clusterStateUnknown?: boolean;
}

export interface ReviewPrediction {
  autoApprovable: boolean;
  /** "auto-approvable: ..." or "needs a platform review: ..." with every reason in words. */
  reason: string;
  flags: ReviewFlags;
}

const IAM_MODULES = new Set(["irsa", "serviceaccount"]);
const ALLOWED_RESOURCES = new Set(["kubernetes_secret", "kubernetes_secret_v1"]);
const IAM_TEXT = /^\s*(resource|data)\s+"aws_iam_[a-z_]*"|\brole_policy_arns\s*=/m;
const PUBLIC_BUCKET = /^\s*(enable_allow_block_pub_access\s*=\s*"?false"?|acl\s*=\s*"public-read(-write)?")/m;
/** Top-level blocks: a keyword at the start of a line, labels, an opening brace. */
const TOP_BLOCK = /^([A-Za-z_][A-Za-z0-9_-]*)((?:[ \t]+"[^"\n]*"|[ \t]+[A-Za-z_][A-Za-z0-9_-]*)*)[ \t]*\{/gm;

/**
 * Predicts what the repository's auto-approver will do with a pull request:
 * it approves only changes that stay under resources/ and use allow-listed
 * (catalogued) modules at the catalogue's versions, with no IAM change;
 * everything else waits for a platform reviewer. Flags tell a reviewer what
 * to look at.
 *
 * Note: production, and a namespace that already carries the skip-apply
 * marker, are flags only: the auto-approver does not look at either (a
 * catalogued module at the catalogue's version is the same change in
 * production), and a change that adds or removes the marker file is outside
 * resources/ and so reviewed anyway. A public S3 bucket does block: its
 * justification is written for a reviewer to judge.
 *
 * Only what the change adds or alters counts: in a file whose only
 * difference is module pins (an upgrade), the other blocks are not judged.
 */
export function predictReview(change: { files: ChangedFile[] }, context: { namespace?: NamespaceRecord; profile: PlatformProfile }): ReviewPrediction {
  const { profile, namespace } = context;
  const root = `${namespacesDir(profile)}/`;
  const reasons: string[] = [];
  const flags: ReviewFlags = {
    production: namespace?.isProduction ?? false,
    iam: false,
    yamlOutsideResources: false,
    skipApply: namespace?.skipApply ?? false,
    uncataloguedVersion: false,
    publicBucket: false,
  };

  for (const file of change.files) {
    const parts = file.path.startsWith(root) ? file.path.slice(root.length).split("/") : [];
    const rel = parts.slice(2).join("/");
    if (parts.length < 3) {
      flags.yamlOutsideResources = true;
      reasons.push(`${file.path} is outside the namespaces folder`);
      continue;
    }
    if (rel === profile.skipApplyMarker) flags.skipApply = true;
    if (rel === "00-namespace.yaml" && /is-production["']?\s*:\s*["']?true\b/.test(file.content)) flags.production = true;
    if (!rel.startsWith("resources/")) {
      flags.yamlOutsideResources = true;
      reasons.push(`${rel} is outside resources/`);
      continue;
    }
    if (!rel.endsWith(".tf")) {
      reasons.push(`${rel} is not a Terraform file`);
      continue;
    }
    judgeTerraform(rel, file, profile, flags, reasons);
  }
  if (change.files.length === 0) reasons.push("the change has no files");
  const autoApprovable = reasons.length === 0;
  return {
    autoApprovable,
    reason: autoApprovable
      ? "auto-approvable: only catalogued modules at the catalogue's versions under resources/, with no IAM change"
      : `needs a platform review: ${[...new Set(reasons)].join("; ")}`,
    flags,
  };
}

function judgeTerraform(rel: string, file: ChangedFile, profile: PlatformProfile, flags: ReviewFlags, reasons: string[]): void {
  const previous = file.previous ?? null;
  const before = previous === null ? [] : scanTerraformModules(previous).modules;
  const scan = scanTerraformModules(file.content);
  const unchanged = (m: ModuleBlock) =>
    before.some((b) => b.name === m.name && b.source === m.source && b.version === m.version && b.sourceIsExpression === m.sourceIsExpression);
  const changed = scan.modules.filter((m) => !unchanged(m));
  const pinsOnly = previous !== null && withoutPins(previous) === withoutPins(file.content);

  if (scan.problems.length > 0) reasons.push(`${rel} could not be read fully (line ${scan.problems[0]!.line}: ${scan.problems[0]!.message})`);
  for (const m of changed) {
    const parsed = m.source === null ? null : parseModuleSource(m.source, profile.modulePrefix);
    const current = parsed ? latestVersion(profile, parsed.module) : undefined;
    if (!parsed || current === undefined) {
      flags.uncataloguedVersion = true;
      reasons.push(`module ${m.name} in ${rel} is not an allow-listed module${m.source ? ` (${m.source})` : ""}`);
      continue;
    }
    if (IAM_MODULES.has(parsed.module)) {
      flags.iam = true;
      reasons.push(`module ${m.name} is an IAM change (${parsed.module})`);
    }
    const pin = parsed.ref ?? m.version;
    if (pin === null || (compareVersions(pin, current) ?? 1) !== 0) {
      flags.uncataloguedVersion = true;
      reasons.push(`module ${m.name} is ${pin === null ? "not pinned" : `pinned to ${pin}`}, not the catalogue's ${parsed.module} ${current}`);
    }
  }
  if (pinsOnly) return;

  if (IAM_TEXT.test(file.content)) {
    flags.iam = true;
    reasons.push(`${rel} declares IAM (aws_iam_* or role_policy_arns)`);
  }
  if (PUBLIC_BUCKET.test(file.content)) {
    flags.publicBucket = true;
    reasons.push(`${rel} opens an S3 bucket to the public`);
  }
  for (const block of file.content.matchAll(TOP_BLOCK)) {
    const keyword = block[1]!;
    const type = /"([^"]*)"/.exec(block[2] ?? "")?.[1] ?? "";
    if (keyword === "module" || (keyword === "resource" && ALLOWED_RESOURCES.has(type))) continue;
    reasons.push(`${rel} has a ${keyword}${type ? ` "${type}"` : ""} block; only catalogued modules and their Secrets are auto-approved`);
  }
}

/** The text with every `ref=` value and `version = "..."` string blanked: equal for two files that differ only in pins. */
function withoutPins(text: string): string {
  return text.replace(/([?&]ref=)[^"&#\s]*/g, "$1").replace(/^(\s*version\s*=\s*")[^"\n]*"/gm, '$1"');
}
