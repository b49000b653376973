import { z } from "zod";

/**
 * What a reviewer cares about in a change. The keys are the review queue's
 * filters, kept from Berth's earlier prediction where they mean the same.
 */
export const reviewFlagsSchema = z.object({
  /** The namespace is production (its record, or the is-production label of a new namespace). */
  production: z.boolean(),
  /** The diff matches the repository's IAM check: a platform review of the IAM change. */
  iam: z.boolean(),
  /** A file outside resources/ changes (the namespace's manifests, the skip-apply marker, anything else). */
  yamlOutsideResources: z.boolean(),
  /** The namespace carries the apply pipeline's skip marker, or the change adds it. */
  skipApply: z.boolean(),
  /** A module in a changed file is not at its latest release (check-terraform-module-version). */
  uncataloguedVersion: z.boolean(),
  /** An S3 bucket is opened to the public. */
  publicBucket: z.boolean().default(false),
  /** A module moves to a new major version. */
  majorBump: z.boolean().default(false),
  /** Set by Berth at submit time, not forecast: a cluster's namespaces were not known then, so the name may already run there. */
  clusterStateUnknown: z.boolean().default(false),
});
export type ReviewFlags = z.infer<typeof reviewFlagsSchema>;
export const REVIEW_FLAG_KEYS = [
  "production",
  "iam",
  "yamlOutsideResources",
  "skipApply",
  "uncataloguedVersion",
  "publicBucket",
  "majorBump",
  "clusterStateUnknown",
] as const;
export type ReviewFlagKey = (typeof REVIEW_FLAG_KEYS)[number];

/** The forecast Berth stores with a request (requests.review). */
export const reviewForecastSchema = z.object({
  version: z.literal(2),
  /** Who must approve, from the repository's CODEOWNERS at the base commit. */
  approvers: z.array(z.string()),
  /** Whether the platform's auto-approver would approve; null when the platform has none. */
  autoApproved: z.boolean().nullable(),
  /** One line: who must approve, or what approves it. */
  summary: z.string(),
  /** Checks that will fail, one line each: the check's id and why. */
  failing: z.array(z.object({ id: z.string(), message: z.string() })),
  /** What a reviewer will look at, one line per reason, no repeats. */
  reasons: z.array(z.string()),
  flags: reviewFlagsSchema,
});
export type ReviewForecast = z.infer<typeof reviewForecastSchema>;

/** The shape Berth stored before forecasts: a prediction of an auto-approver the platform no longer runs. */
const legacyPredictionSchema = z.object({
  autoApprovable: z.boolean(),
  reason: z.string(),
  flags: reviewFlagsSchema.partial(),
});

/**
 * Reads a stored review (either shape); null when absent or unreadable. An
 * old prediction becomes a forecast whose reasons are its clauses, each once,
 * and whose summary says it predates forecasts; its verdict is dropped, as it
 * modelled an auto-approver that no longer exists.
 */
export function parseStoredReview(value: unknown): ReviewForecast | null {
  if (value === null || value === undefined) return null;
  const current = reviewForecastSchema.safeParse(value);
  if (current.success) return current.data;
  const legacy = legacyPredictionSchema.safeParse(value);
  if (!legacy.success) return null;
  const clauses = legacy.data.reason
    .replace(/^(?:\s*(?:auto-approvable|needs a platform review):\s*)+/i, "")
    .split(/;\s*/)
    .map((c) => c.trim())
    .filter((c) => c && !/auto-approved$/.test(c));
  const flags = reviewFlagsSchema.parse({
    production: false,
    iam: false,
    yamlOutsideResources: false,
    skipApply: false,
    uncataloguedVersion: false,
    ...legacy.data.flags,
  });
  return {
    version: 2,
    approvers: [],
    autoApproved: null,
    summary: "Recorded before Berth forecast reviews: the platform's reviewers approve every pull request",
    failing: [],
    reasons: [...new Set(clauses)],
    flags,
  };
}
