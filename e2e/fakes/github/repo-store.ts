import { stableId } from "./stable-id";

export interface FakeReview {
  id: number;
  login: string;
  state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "PENDING";
  body: string;
  commitId: string;
  submittedAt: string;
}

export interface FakeComment {
  id: number;
  login: string;
  body: string;
  createdAt: string;
}

export interface FakePull {
  number: number;
  id: number;
  title: string;
  body: string | null;
  draft: boolean;
  head: string;
  base: string;
  author: string;
  state: "open" | "closed";
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  mergedAt: string | null;
  mergedBy: string | null;
  mergeCommitSha: string | null;
  /** The head and base commits when the PR closed; the branches may move or go later. */
  closedHeadSha: string | null;
  closedBaseSha: string | null;
  labels: string[];
  requestedTeams: string[];
  requestedUsers: string[];
  reviews: FakeReview[];
  comments: FakeComment[];
  /** `base:head` shas the last GET saw; a GET that sees new ones answers `mergeable: null` (GitHub computes it in the background). */
  mergeabilitySeen: string | null;
  /** The last GET answered `null`: the next one has the answer, for the shas it sees. */
  mergeabilityComputing: boolean;
}

export interface FakeCheckRun {
  id: number;
  name: string;
  headSha: string;
  status: "queued" | "in_progress" | "completed";
  conclusion: "success" | "failure" | "neutral" | "cancelled" | "skipped" | "timed_out" | "action_required" | null;
  startedAt: string;
  completedAt: string | null;
  externalId: string | null;
  detailsUrl: string | null;
}

export interface RepoRules {
  /** Approving reviews (by someone other than the author) that a merge needs. */
  requiredApprovals: 0 | 1;
  /** Check run names that must have concluded success (or neutral, skipped) on the head commit. */
  requiredChecks: string[];
}

export const timestamp = (date = new Date()) => date.toISOString().replace(/\.\d+Z$/, "Z");

/**
 * What GitHub keeps beside git for the one repository: pull requests and
 * everything hung on them, check runs, branch protection. Refs, commits and
 * trees are never copied here; they are read from git when needed.
 */
export function createRepoStore(fullName: string) {
  const pulls = new Map<number, FakePull>();
  const checkRuns: FakeCheckRun[] = [];
  let nextNumber = 1;
  let nextId = 1;
  const id = (kind: string) => stableId(kind, `${fullName}#${nextId++}`);
  const rules: RepoRules = { requiredApprovals: 0, requiredChecks: [] };

  return {
    rules,
    setRules(update: Partial<RepoRules>) {
      Object.assign(rules, update);
    },
    createPull(input: Pick<FakePull, "title" | "body" | "draft" | "head" | "base" | "author">): FakePull {
      const now = timestamp();
      const pull: FakePull = {
        ...input,
        number: nextNumber++,
        id: id("pull"),
        state: "open",
        createdAt: now,
        updatedAt: now,
        closedAt: null,
        mergedAt: null,
        mergedBy: null,
        mergeCommitSha: null,
        closedHeadSha: null,
        closedBaseSha: null,
        labels: [],
        requestedTeams: [],
        requestedUsers: [],
        reviews: [],
        comments: [],
        mergeabilitySeen: null,
        mergeabilityComputing: false,
      };
      pulls.set(pull.number, pull);
      return pull;
    },
    pull: (number: number) => pulls.get(number),
    pulls: () => [...pulls.values()],
    openPullsWithHead: (branch: string) => [...pulls.values()].filter((pull) => pull.state === "open" && pull.head === branch),
    addReview(pull: FakePull, review: Omit<FakeReview, "id" | "submittedAt">): FakeReview {
      const saved = { ...review, id: id("review"), submittedAt: timestamp() };
      pull.reviews.push(saved);
      return saved;
    },
    addComment(pull: FakePull, login: string, body: string): FakeComment {
      const comment = { id: id("comment"), login, body, createdAt: timestamp() };
      pull.comments.push(comment);
      pull.updatedAt = comment.createdAt;
      return comment;
    },
    /** Creates a run or, with `replace`, updates the latest run of that name on that commit. */
    putCheckRun(input: Omit<FakeCheckRun, "id" | "startedAt" | "completedAt">, replace: boolean): { run: FakeCheckRun; created: boolean } {
      const existing = replace ? [...checkRuns].reverse().find((run) => run.headSha === input.headSha && run.name === input.name) : undefined;
      const now = timestamp();
      const completedAt = input.status === "completed" ? now : null;
      if (existing) {
        Object.assign(existing, input, { completedAt });
        return { run: existing, created: false };
      }
      const run = { ...input, id: id("check"), startedAt: now, completedAt };
      checkRuns.push(run);
      return { run, created: true };
    },
    checkRunsFor: (sha: string) => checkRuns.filter((run) => run.headSha === sha),
  };
}

export type RepoStore = ReturnType<typeof createRepoStore>;

/** Why a merge is refused by the rules, and whether non-required checks fail (`unstable`). */
export function mergeBlockers(pull: FakePull, rules: RepoRules, runs: readonly FakeCheckRun[]) {
  const latestByUser = new Map<string, FakeReview["state"]>();
  for (const review of pull.reviews) {
    if (review.state === "APPROVED" || review.state === "CHANGES_REQUESTED") latestByUser.set(review.login, review.state);
  }
  const states = [...latestByUser.values()];
  const approvals = states.filter((state) => state === "APPROVED").length;
  const reasons: string[] = [];
  if (rules.requiredApprovals > 0 && (approvals < rules.requiredApprovals || states.includes("CHANGES_REQUESTED"))) {
    reasons.push("At least 1 approving review is required by reviewers with write access.");
  }
  const latest = new Map<string, FakeCheckRun>();
  for (const run of runs) latest.set(run.name, run);
  const passed = (run: FakeCheckRun | undefined) => run?.status === "completed" && ["success", "neutral", "skipped"].includes(run.conclusion ?? "");
  for (const name of rules.requiredChecks) {
    if (!passed(latest.get(name))) reasons.push(`Required status check "${name}" is expected.`);
  }
  const unstable = [...latest.values()].some((run) => !rules.requiredChecks.includes(run.name) && !passed(run));
  return { reasons, unstable };
}
