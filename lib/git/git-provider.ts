import { brandError, hasErrorBrand } from "@/lib/errors";

/** One file of a change, by its path from the repository root; `content: null` deletes the file. */
export interface FileChange {
  path: string;
  content: string | null;
}

/** Everything needed to open (or resume opening) one pull request. */
export interface PullRequestDraft {
  /** Unique per request: a retry finds the work of an earlier attempt by it. */
  branch: string;
  title: string;
  body: string;
  commitMessage: string;
  files: FileChange[];
  labels: string[];
  reviewerTeams: string[];
}

export interface OpenedPullRequest {
  /** Null for the local provider, whose "pull request" is the branch itself. */
  number: number | null;
  /** Where people review it; null when review happens in Berth. */
  url: string | null;
  /** The pull request's head repository, owner/name; null for the local provider. */
  headRepo: string | null;
  /** The commit Berth wrote (or found, resuming) at the head of the branch. */
  headSha: string;
}

export interface Review {
  user: string;
  state: string;
  submittedAt: string | null;
  body: string;
}

/** A comment in the pull request's conversation. */
export interface Comment {
  user: string;
  body: string;
  createdAt: string;
}

export interface CheckRun {
  name: string;
  status: string;
  conclusion: string | null;
}

export interface PullRequestStatus {
  number: number;
  state: "open" | "closed";
  merged: boolean;
  headSha: string;
  /** The head branch and its repository (owner/name; null when the fork was deleted). */
  headRef: string;
  headRepo: string | null;
  /** When GitHub last changed the pull request (ISO 8601). */
  updatedAt: string;
  /** False when GitHub says the branch no longer merges cleanly; null while it is still computing. */
  mergeable: boolean | null;
  reviews: Review[];
  checks: CheckRun[];
  comments: Comment[];
}

/** The teams of the organisation that owns the environments repository (GitHub only; the local demo has no directory). */
export interface TeamDirectory {
  readonly org: string;
  /** False when GitHub answers 404: no such team, or one the bot cannot see. */
  teamExists(slug: string): Promise<boolean>;
}

/**
 * Where Berth proposes changes to the environments repository. Implementations:
 * GitHub (a branch, one commit, a pull request) and a local git repository for
 * the embedded demo (a branch; approval and merge happen in Berth).
 */
export interface GitProvider {
  readonly kind: "github" | "local";
  /**
   * Opens the pull request for a draft. Safe to call again after a failure
   * part-way: it reuses the branch and pull request an earlier attempt made.
   */
  openPullRequest(draft: PullRequestDraft): Promise<OpenedPullRequest>;
}

/** Both providers: revising a request adds a commit to its branch, so its pull request (or local review) follows. */
export interface PullRequestUpdater {
  /**
   * Adds one commit to a request's branch (a revision): `files` written,
   * `removed` deleted, on top of `expectedHead`, the commit Berth last wrote.
   * Returns the new head. Throws BranchMovedError, writing nothing, when the
   * branch's head is not `expectedHead` (someone pushed outside Berth, or
   * another revision won the race).
   */
  updatePullRequest(update: PullRequestUpdate): Promise<string>;
}

/** One revision of a request's branch. */
export interface PullRequestUpdate {
  branch: string;
  files: FileChange[];
  /** Paths the previous revision added that this one no longer has. */
  removed: string[];
  message: string;
  expectedHead: string;
  /**
   * Re-applying onto a newer base: the commit starts from this commit's tree
   * (the base branch's head) instead of the branch's, and has it as a second
   * parent, so the branch merges cleanly into the base again.
   */
  base?: string;
}

/** The branch's head is not the commit Berth wrote: a revision would hide (or overwrite) someone else's commit. */
export class BranchMovedError extends Error {
  // Thrown by the services' provider, caught by a route's use-case: another copy of this class (lib/errors.ts, brandError).
  static [Symbol.hasInstance](value: unknown): boolean {
    return hasErrorBrand(value, "BranchMovedError");
  }

  constructor(branch: string, head: string | null, expected: string) {
    super(`${branch} was changed outside Berth (its head is ${head?.slice(0, 12) ?? "gone"}, Berth wrote ${expected.slice(0, 12)})`);
    this.name = "BranchMovedError";
    brandError(this, "BranchMovedError");
  }
}

/** A provider whose pull requests live elsewhere and can be read back, and closed when withdrawn (GitHub). */
export interface PullRequestReader {
  /** One pull request, live (one GraphQL query). */
  getPullRequest(number: number): Promise<PullRequestStatus>;
  /** Many at once: one GraphQL query per 100, whatever they hold. Numbers GitHub does not know are absent. */
  readPullRequests(numbers: readonly number[]): Promise<Map<number, PullRequestStatus>>;
  /** Closes a pull request (a withdrawn or closed request), with the bot's token; `comment` is posted first, saying why. */
  closePullRequest(number: number, comment?: string): Promise<void>;
}

/** Where a pull request stands, without its reviews, checks or comments. */
export type PullRequestState = Pick<PullRequestStatus, "number" | "state" | "merged" | "headRef" | "headRepo" | "updatedAt">;

/**
 * A pull request Berth follows by its state alone, in a repository other than
 * the environments repository (a prototype's deployment pull request): read
 * over REST, so an unchanged one is a 304 that costs no rate limit (the
 * client's ETags), and closed when its request is withdrawn or closed.
 */
export interface PullRequestFollower {
  /** Throws with status 404 when the repository has no such pull request. */
  pullRequestState(number: number): Promise<PullRequestState>;
  closePullRequest(number: number, comment?: string): Promise<void>;
}

/** A provider whose branches Berth merges itself (local). */
export interface BranchMerger {
  /**
   * Merges `branch` into the base branch when its tip is `expectedTip` (the
   * commit Berth wrote), so commits pushed outside Berth are never merged
   * unseen. Throws MergeRefusedError when it cannot.
   */
  mergeBranch(branch: string, message: string, expectedTip: string | null): Promise<string>;
}

/**
 * Why a merge did not happen: `conflict`, the branch no longer merges cleanly;
 * `moved`, the base branch moved under this merge (another merge at the same
 * moment) or the branch is already merged; `tip`, the branch's tip is not the
 * commit Berth wrote.
 */
export class MergeRefusedError extends Error {
  static [Symbol.hasInstance](value: unknown): boolean {
    return hasErrorBrand(value, "MergeRefusedError");
  }

  constructor(
    readonly reason: "conflict" | "moved" | "tip",
    message: string,
  ) {
    super(message);
    this.name = "MergeRefusedError";
    brandError(this, "MergeRefusedError");
  }
}
