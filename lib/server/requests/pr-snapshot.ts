import { createHash } from "node:crypto";
import { toJson } from "@/lib/db/to-json";
import type { PullRequestStatus } from "@/lib/git/git-provider";

/** Who wrote a snapshot last: a webhook delivery, the poller's batched read, or a reviewer's refresh. */
export type SnapshotSource = "webhook" | "poll" | "refresh";

/**
 * A request's pull request as Berth last read or heard it, stored on the
 * request (prSnapshot) so its page never calls GitHub. `fetchedAt` is when it
 * was written; the page shows its age.
 */
export interface PrSnapshot extends PullRequestStatus {
  fetchedAt: string;
  source: SnapshotSource;
}

/** The columns that store a full snapshot read from GitHub. */
export function snapshotColumns(status: PullRequestStatus, fetchedAt: Date, source: SnapshotSource) {
  const snapshot: PrSnapshot = { ...status, fetchedAt: fetchedAt.toISOString(), source };
  return { prSnapshot: toJson(snapshot), prFetchedAt: fetchedAt };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** A stored snapshot, or null for a row without one (or one in a shape this version does not read). */
export function readSnapshot(value: unknown): PrSnapshot | null {
  if (!isObject(value) || typeof value.number !== "number" || typeof value.fetchedAt !== "string") return null;
  const list = (key: string) => (Array.isArray(value[key]) ? (value[key] as unknown[]).filter(isObject) : []);
  return { ...(value as unknown as PrSnapshot), reviews: list("reviews") as never, checks: list("checks") as never, comments: list("comments") as never };
}

/**
 * What a page shows of a snapshot, as a short digest: it changes when a review, check, comment, the state or the
 * head changes, and not when the same pull request is merely read again (fetchedAt, source). A request page polls
 * it to know when to render the pull request again.
 */
export function snapshotVersion(snapshot: PrSnapshot | null): string | null {
  if (!snapshot) return null;
  const shown = JSON.stringify({ ...snapshot, fetchedAt: undefined, source: undefined });
  return createHash("sha256").update(shown).digest("hex").slice(0, 16);
}

/** What one webhook delivery tells about a pull request, applied to the snapshot it had (or to a new one). */
export interface SnapshotPatch {
  number: number;
  state?: "open" | "closed";
  merged?: boolean;
  headSha?: string;
  headRef?: string;
  headRepo?: string | null;
  updatedAt?: string;
  mergeable?: boolean | null;
  review?: PullRequestStatus["reviews"][number];
  check?: PullRequestStatus["checks"][number];
}

/** A delivery's news on top of the stored snapshot: a review is added, a check run replaces the one of its name. */
export function patchSnapshot(previous: PrSnapshot | null, patch: SnapshotPatch, fetchedAt: Date) {
  const { review, check, ...facts } = patch;
  const defined = Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined)) as Partial<PullRequestStatus>;
  const base: PullRequestStatus = previous ?? {
    number: patch.number,
    state: "open",
    merged: false,
    headSha: "",
    headRef: "",
    headRepo: null,
    updatedAt: fetchedAt.toISOString(),
    mergeable: null,
    reviews: [],
    checks: [],
    comments: [],
  };
  const next: PullRequestStatus = {
    ...base,
    ...defined,
    reviews: review ? [...base.reviews, review] : base.reviews,
    checks: check ? [...base.checks.filter((c) => c.name !== check.name), check] : base.checks,
  };
  // A new head commit's checks are not the old one's.
  if (patch.headSha && previous && patch.headSha !== previous.headSha && !check) next.checks = [];
  return snapshotColumns(next, fetchedAt, "webhook");
}
