import type { Octokit } from "@octokit/rest";
import type { PullRequestStatus } from "./git-provider";

/** GitHub's limit for one connection page, and how many pull requests one query asks for. */
export const PULL_REQUESTS_PER_QUERY = 100;

const FRAGMENT = `fragment Snapshot on PullRequest {
  number
  state
  merged
  mergeable
  headRefName
  headRefOid
  headRepository { nameWithOwner }
  updatedAt
  reviews(last: 50) { nodes { author { login } state submittedAt body } }
  comments(last: 50) { nodes { author { login } body createdAt } }
  statusCheckRollup { contexts(first: 50) { nodes { __typename ... on CheckRun { name status conclusion } } } }
}`;

interface Author {
  login: string;
}

interface SnapshotNode {
  number: number;
  state: "OPEN" | "CLOSED" | "MERGED";
  merged: boolean;
  mergeable: "MERGEABLE" | "CONFLICTING" | "UNKNOWN";
  headRefName: string;
  headRefOid: string;
  headRepository: { nameWithOwner: string } | null;
  updatedAt: string;
  reviews: { nodes: ({ author: Author | null; state: string; submittedAt: string | null; body: string } | null)[] | null } | null;
  comments: { nodes: ({ author: Author | null; body: string; createdAt: string } | null)[] | null } | null;
  statusCheckRollup: {
    contexts: { nodes: ({ __typename: string; name?: string; status?: string; conclusion?: string | null } | null)[] | null };
  } | null;
}

/** The query for these pull requests: one alias per number, so a pull request that merged or closed since is read too. */
export function pullRequestsQuery(numbers: readonly number[]): string {
  const fields = numbers.map((n) => `    pr${n}: pullRequest(number: ${n}) { ...Snapshot }`).join("\n");
  return `query PullRequestSnapshots($owner: String!, $name: String!) {\n  repository(owner: $owner, name: $name) {\n${fields}\n  }\n}\n${FRAGMENT}`;
}

function toStatus(node: SnapshotNode): PullRequestStatus {
  const present = <T>(items: (T | null)[] | null | undefined): T[] => (items ?? []).filter((item): item is T => item !== null);
  return {
    number: node.number,
    state: node.state === "OPEN" ? "open" : "closed",
    merged: node.merged,
    headSha: node.headRefOid,
    headRef: node.headRefName,
    headRepo: node.headRepository?.nameWithOwner ?? null,
    updatedAt: node.updatedAt,
    mergeable: node.mergeable === "MERGEABLE" ? true : node.mergeable === "CONFLICTING" ? false : null,
    reviews: present(node.reviews?.nodes).map((r) => ({ user: r.author?.login ?? "", state: r.state, submittedAt: r.submittedAt, body: r.body })),
    comments: present(node.comments?.nodes).map((c) => ({ user: c.author?.login ?? "", body: c.body, createdAt: c.createdAt })),
    checks: present(node.statusCheckRollup?.contexts.nodes)
      .filter((c) => c.__typename === "CheckRun")
      .map((c) => ({ name: c.name ?? "", status: (c.status ?? "").toLowerCase(), conclusion: c.conclusion ? c.conclusion.toLowerCase() : null })),
  };
}

/**
 * Reads pull requests by number with their reviews, check runs and comments:
 * one GraphQL query per 100, whatever they hold. A number GitHub does not
 * know is left out of the answer (GitHub reports it as an error beside the
 * others' data).
 */
export async function readPullRequests(octokit: Octokit, owner: string, name: string, numbers: readonly number[]): Promise<Map<number, PullRequestStatus>> {
  const unique = [...new Set(numbers)];
  const result = new Map<number, PullRequestStatus>();
  for (let i = 0; i < unique.length; i += PULL_REQUESTS_PER_QUERY) {
    const batch = unique.slice(i, i + PULL_REQUESTS_PER_QUERY);
    let data: { repository: Record<string, SnapshotNode | null> | null } | undefined;
    try {
      data = await octokit.graphql(pullRequestsQuery(batch), { owner, name });
    } catch (error) {
      // Note: a partial answer (some numbers unknown) arrives as an error carrying the rest of the data.
      const partial = (error as { data?: typeof data; errors?: { type?: string }[] }).data;
      const onlyMissing = (error as { errors?: { type?: string }[] }).errors?.every((e) => e.type === "NOT_FOUND");
      if (!partial || !onlyMissing) throw error;
      data = partial;
    }
    for (const node of Object.values(data?.repository ?? {})) if (node) result.set(node.number, toStatus(node));
  }
  return result;
}
