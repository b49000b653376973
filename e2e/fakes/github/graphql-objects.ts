import type { FakeUrls } from "./github-objects";
import { mergeability, pullShas } from "./pull-objects";
import type { RepoContext } from "./repo-context";
import type { FakeCheckRun, FakePull } from "./repo-store";

/** An Actor (an interface in the schema): a Bot for `<slug>[bot]` logins, as GitHub reports Apps, else a User. */
function actor(login: string, urls: FakeUrls) {
  const bot = login.endsWith("[bot]");
  return bot
    ? { __typename: "Bot", login: login.slice(0, -"[bot]".length), url: `${urls.web}/apps/${login.slice(0, -5)}` }
    : { __typename: "User", login, url: `${urls.web}/${login}` };
}

/** A connection over a list, honouring first/last (GitHub's cap is 100 either way). */
function connection<T>(items: T[], args: { first?: number | null; last?: number | null }) {
  const slice = typeof args.last === "number" ? items.slice(-args.last || items.length) : typeof args.first === "number" ? items.slice(0, args.first) : items;
  return { nodes: slice, edges: slice.map((node) => ({ node })), totalCount: items.length };
}

const upper = (value: string | null) => (value ? value.toUpperCase() : null);

/** The latest run of each name on a commit, as the status check rollup shows them. */
function latestRuns(runs: readonly FakeCheckRun[]): FakeCheckRun[] {
  const latest = new Map<string, FakeCheckRun>();
  for (const run of runs) latest.set(run.name, run);
  return [...latest.values()];
}

type RefOf = (name: string) => Promise<string | undefined>;

async function pullRequestObject(repo: RepoContext, urls: FakeUrls, pull: FakePull, refOf: RefOf) {
  const shas = await pullShas(repo, pull, refOf);
  const { mergeable } = await mergeability(repo, pull, shas, true);
  const runs = latestRuns(repo.store.checkRunsFor(shas.head));
  return {
    __typename: "PullRequest",
    number: pull.number,
    title: pull.title,
    state: pull.mergedAt ? "MERGED" : pull.state === "open" ? "OPEN" : "CLOSED",
    merged: pull.mergedAt !== null,
    mergeable: mergeable === null ? "UNKNOWN" : mergeable ? "MERGEABLE" : "CONFLICTING",
    headRefName: pull.head,
    headRefOid: shas.head,
    baseRefName: pull.base,
    headRepository: repositoryObject(repo, urls, refOf),
    createdAt: pull.createdAt,
    updatedAt: pull.updatedAt,
    url: `${urls.web}/${repo.fullName}/pull/${pull.number}`,
    author: actor(pull.author, urls),
    reviews: (args: { first?: number; last?: number }) =>
      connection(
        pull.reviews
          .filter((r) => r.state !== "PENDING")
          .map((r) => ({ __typename: "PullRequestReview", author: actor(r.login, urls), state: r.state, submittedAt: r.submittedAt, body: r.body })),
        args,
      ),
    comments: (args: { first?: number; last?: number }) =>
      connection(
        pull.comments.map((c) => ({ __typename: "IssueComment", author: actor(c.login, urls), body: c.body, createdAt: c.createdAt })),
        args,
      ),
    statusCheckRollup:
      runs.length === 0
        ? null
        : {
            state: runs.some((r) => r.status !== "completed")
              ? "PENDING"
              : runs.every((r) => ["success", "neutral", "skipped"].includes(r.conclusion ?? ""))
                ? "SUCCESS"
                : "FAILURE",
            contexts: (args: { first?: number; last?: number }) =>
              connection(
                runs.map((r) => ({ __typename: "CheckRun", name: r.name, status: upper(r.status), conclusion: upper(r.conclusion), detailsUrl: r.detailsUrl })),
                args,
              ),
          },
  };
}

/** The Repository object: fields the schema resolves by property, methods for fields with arguments. */
function repositoryObject(repo: RepoContext, urls: FakeUrls, refOf: RefOf) {
  return {
    __typename: "Repository",
    name: repo.name,
    nameWithOwner: repo.fullName,
    url: `${urls.web}/${repo.fullName}`,
    owner: { __typename: "Organization", login: repo.owner },
    pullRequest: async ({ number }: { number: number }) => {
      const pull = repo.store.pull(number);
      // GitHub answers an unknown number with null and a NOT_FOUND error beside the rest of the data.
      if (!pull) throw Object.assign(new Error(`Could not resolve to a PullRequest with the number of ${number}.`), { extensions: { type: "NOT_FOUND" } });
      return pullRequestObject(repo, urls, pull, refOf);
    },
  };
}

/** Reads refs from one listing of the branches, taken when first asked: a query of 100 pull requests sees one state of them, for one git call. */
function branchListing(repo: RepoContext): RefOf {
  let branches: Promise<Map<string, string>> | undefined;
  return async (name) => {
    branches ??= repo.git.refs("refs/heads/").then((refs) => new Map(refs.map(({ ref, sha }) => [ref, sha])));
    return (await branches).get(name);
  };
}

/** Query's fields: `repository(owner, name)`, the one repository the fake hosts (null for any other, with NOT_FOUND). */
export function graphqlRoot(repo: RepoContext | undefined, urls: FakeUrls) {
  return {
    repository: ({ owner, name }: { owner: string; name: string }) => {
      if (!repo || `${owner}/${name}`.toLowerCase() !== repo.fullName.toLowerCase()) {
        throw Object.assign(new Error(`Could not resolve to a Repository with the name '${owner}/${name}'.`), { extensions: { type: "NOT_FOUND" } });
      }
      return repositoryObject(repo, urls, branchListing(repo));
    },
  };
}
