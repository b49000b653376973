import { createOctokit, type GitHubLog } from "./create-octokit";
import type { GitHubCall } from "./observe-github";

export type ReviewEvent = "APPROVE" | "REQUEST_CHANGES" | "COMMENT";

/** GitHub's refusal of a review, with its own words (e.g. "Can not approve your own pull request"). */
export class ReviewRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ReviewRefusedError";
  }
}

/**
 * Posts a review on a pull request as the reviewer, with the reviewer's own
 * token, so GitHub records who approved; never with the bot's token.
 */
export async function postGitHubReview(options: {
  apiUrl: string;
  owner: string;
  repo: string;
  token: string;
  number: number;
  event: ReviewEvent;
  body: string;
  /** The head commit the reviewer was shown: the review covers it and nothing pushed after. */
  commitId: string | null;
  /** Told of every GitHub call, retries included (the metrics). */
  onCall?: (call: GitHubCall) => void;
  log?: GitHubLog;
}): Promise<void> {
  const octokit = createOctokit({ auth: options.token, baseUrl: options.apiUrl, onCall: options.onCall, log: options.log });
  try {
    await octokit.rest.pulls.createReview({
      owner: options.owner,
      repo: options.repo,
      pull_number: options.number,
      event: options.event,
      ...(options.commitId ? { commit_id: options.commitId } : {}),
      body: options.body || undefined,
    });
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 422 || status === 403) {
      const data = (error as { response?: { data?: { message?: string; errors?: unknown[] } } }).response?.data;
      const detail = data?.errors?.map((e) => (typeof e === "string" ? e : JSON.stringify(e))).join("; ");
      throw new ReviewRefusedError(detail || data?.message || "GitHub refused the review");
    }
    throw error;
  }
}
