/** One file of a change, by its path from the repository root. */
export interface FileChange {
  path: string;
  content: string;
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
  reviews: Review[];
  checks: CheckRun[];
  comments: Comment[];
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

/** A provider whose pull requests live elsewhere and can be read back (GitHub). */
export interface PullRequestReader {
  getPullRequest(number: number): Promise<PullRequestStatus>;
}

/** A provider whose branches Berth merges itself (local). */
export interface BranchMerger {
  mergeBranch(branch: string, message: string): Promise<string>;
}
