import type { Viewer } from "@/lib/auth/viewer";
import { canBrowseInventory, canCloseRequest, canMergeRequest, canReview, canReviewRequest, canReviseRequest, canWithdrawRequest } from "@/lib/auth/policy";
import { postGitHubReview } from "@/lib/git/github-review";
import { sessionGitHubToken } from "@/lib/auth/sessions";
import { AppError } from "@/lib/errors";
import { authorize } from "../authorize";
import type { Services } from "../services";
import { getRequest } from "./get-request";
import { handleGitHubWebhook, type WebhookDelivery } from "./handle-github-webhook";
import { listRequests } from "./list-requests";
import { listNamespaceRequests } from "./list-namespace-requests";
import { countOpenRequests, listReviewQueue, queueFiltersSchema } from "./list-review-queue";
import { pollRound } from "./poll-round";
import { pollPullRequests } from "./poll-pull-requests";
import { readSnapshot } from "./pr-snapshot";
import { prepareNamespaceRequest } from "./prepare-namespace-request";
import { clusterNamespaces } from "../cluster-namespaces";
import { resumeStalledRequests } from "./resume-stalled-requests";
import { retryRequest } from "./retry-request";
import { reapplyEdit } from "./edit-request-service";
import { mergeLocalRequest } from "./merge-local-request";
import { markRequestApplied } from "./mark-request-applied";
import { CLOSABLE_STATES, OPEN_STATES, REVISABLE_STATES, WITHDRAWABLE_STATES, isRequestState } from "./request-state";
import { closeRequest } from "./close-request";
import { reviseRequest } from "./revise-request";
import { prepareRevision } from "./prepare-revision";
import { reviewRequest, type PostReview } from "./review-request";
import { withdrawRequest } from "./withdraw-request";
import { submitNamespaceRequest } from "./submit-namespace-request";
import { prototypeSite } from "./prototype-site";
import { closePrototypeDeployPr } from "./close-prototype-deploy-pr";
import { snapshotFileReader } from "./snapshot-file-reader";
import { prepareResourceRequest } from "./prepare-resource-request";
import { submitResourceRequest } from "./submit-resource-request";
import { checkChange } from "./check-change";
import { isoDate } from "../clock";

/**
 * The request use-cases as routes and pages call them: each takes the
 * services it needs (the composition root's, or a test's fakes) and hands
 * the parts on to the use-case of its own file.
 */

export async function previewNamespaceRequest(
  deps: Pick<Services, "db" | "env" | "profile" | "inventory" | "clusters" | "clock">,
  viewer: Viewer | null,
  input: unknown,
  revising?: string,
) {
  authorize(viewer, canBrowseInventory(viewer));
  const { snapshot, readFile } = await indexedFileReader(deps);
  return prepareNamespaceRequest(viewer, input, {
    db: deps.db,
    profile: deps.profile,
    snapshot,
    readBase: readFile,
    clusters: clusterNamespaces(deps),
    today: isoDate(deps.clock.now()),
    revising,
  });
}

export async function submitRequest(
  deps: Pick<Services, "db" | "env" | "profile" | "inventory" | "git" | "draft" | "log" | "clusters" | "clock">,
  viewer: Viewer | null,
  input: unknown,
) {
  authorize(viewer, canBrowseInventory(viewer));
  const { snapshot, readFile } = await indexedFileReader(deps);
  return submitNamespaceRequest(viewer, input, {
    today: isoDate(deps.clock.now()),
    db: deps.db,
    profile: deps.profile,
    snapshot,
    readBase: readFile,
    clusters: clusterNamespaces(deps),
    provider: deps.git.provider,
    prototypeRepos: deps.git.prototypeRepos,
    draft: deps.draft,
    log: deps.log,
  });
}

export async function retry(deps: Pick<Services, "db" | "git" | "draft" | "log">, viewer: Viewer | null, id: string) {
  authorize(viewer, canBrowseInventory(viewer));
  await retryRequest(deps.db, viewer, id, { provider: deps.git.provider, draft: deps.draft, log: deps.log });
}

/** Approve or request changes; with GitHub the review is posted there as the reviewer. */
export async function review(deps: Pick<Services, "db" | "env" | "git" | "log" | "metrics">, viewer: Viewer | null, id: string, input: unknown) {
  const { env } = deps;
  const { reader } = deps.git;
  let post: PostReview | null = null;
  if (env.BERTH_GIT_PROVIDER === "github" && viewer) {
    const token = viewer.kind === "github" ? await sessionGitHubToken(deps.db, viewer.sessionId, env.authSecret) : null;
    if (!token) throw new AppError("forbidden", "Sign in with GitHub to review: the review is posted as you");
    const [owner, repo] = env.GITHUB_ENVIRONMENTS_REPO!.split("/") as [string, string];
    post = (number, event, body, commitId) =>
      postGitHubReview({
        apiUrl: env.GITHUB_API_URL,
        owner,
        repo,
        token,
        number,
        event,
        body,
        commitId,
        log: deps.log,
        onCall: (call) => deps.metrics.githubCall(call),
      });
  }
  // GitHub: the head is read live, so a push a webhook has not reported yet still refuses a stale approval.
  const currentHead = async (row: { prNumber: number | null; headSha: string | null }) =>
    reader && row.prNumber ? (await reader.getPullRequest(row.prNumber)).headSha : row.headSha;
  await reviewRequest(deps.db, viewer, id, input, { post, currentHead });
}

/** Merge an approved request (local provider only: on GitHub, merging happens there). */
export async function merge(deps: Parameters<typeof reapplyEdit>[0], viewer: Viewer | null, id: string) {
  const merger = deps.git.merger;
  if (!merger) throw new AppError("not_found", "Pull requests are merged on GitHub for this Berth");
  await mergeLocalRequest(deps.db, viewer, id, merger, (request) => reapplyEdit(deps, request));
  await deps.inventory.refresh();
}

/** A reviewer records that the apply pipeline has applied a merged edit or resource request (Berth cannot see Terraform run). */
export async function markApplied(deps: Pick<Services, "db">, viewer: Viewer | null, id: string) {
  await markRequestApplied(deps.db, viewer, id);
}

/** The requester (or a team member) withdraws a request; on GitHub its pull request is closed, and a prototype's deployment pull request with it. */
export async function withdraw(deps: Pick<Services, "db" | "git" | "log">, viewer: Viewer | null, id: string) {
  authorize(viewer, canBrowseInventory(viewer));
  const { reader } = deps.git;
  await withdrawRequest(deps.db, viewer, id, reader ? (number, comment) => reader.closePullRequest(number, comment) : null, closeDeployPr(deps, id));
}

/** A reviewer closes a request with a reason; on GitHub its pull request is closed with the reason as a comment, and a prototype's deployment pull request with it. */
export async function closeWithReason(deps: Pick<Services, "db" | "git" | "log">, viewer: Viewer | null, id: string, input: unknown) {
  authorize(viewer, canBrowseInventory(viewer));
  const { reader } = deps.git;
  await closeRequest(deps.db, viewer, id, input, reader ? (number, comment) => reader.closePullRequest(number, comment) : null, closeDeployPr(deps, id));
}

const closeDeployPr = (deps: Pick<Services, "db" | "git" | "log">, id: string) => (comment: string) =>
  closePrototypeDeployPr({ db: deps.db, repos: deps.git.prototypeRepos, log: deps.log }, id, comment);

/** The requester (or a teammate) revises a request: a new commit on the same branch, checked again. */
export async function revise(
  deps: Pick<Services, "db" | "env" | "profile" | "inventory" | "git" | "clusters" | "clock">,
  viewer: Viewer | null,
  id: string,
  input: unknown,
) {
  authorize(viewer, canBrowseInventory(viewer));
  const { snapshot, readFile } = await indexedFileReader(deps);
  return reviseRequest(viewer, id, input, {
    db: deps.db,
    updater: deps.git.updater,
    now: () => deps.clock.now(),
    prepare: (row, answers) =>
      prepareRevision(viewer, row, answers, { db: deps.db, profile: deps.profile, snapshot, readFile, clusters: clusterNamespaces(deps) }),
  });
}

/** A namespace's requests under way that the viewer may see, for the namespace's page. */
export async function namespaceRequestsFor(deps: Pick<Services, "db">, viewer: Viewer | null, cluster: string, namespace: string) {
  authorize(viewer, canBrowseInventory(viewer));
  return listNamespaceRequests(deps.db, viewer, cluster, namespace);
}

export async function requestsFor(deps: Pick<Services, "db">, viewer: Viewer | null) {
  authorize(viewer, canBrowseInventory(viewer));
  return listRequests(deps.db, viewer);
}

export type RequestAction = "retry" | "approve" | "request_changes" | "merge" | "mark_applied" | "revise" | "withdraw" | "close";

/**
 * A request with what the viewer may do with it and, for GitHub, the pull
 * request's reviews and checks as Berth last read or heard them (the stored
 * snapshot, with its age): a page view never calls GitHub.
 */
export async function requestFor(deps: Pick<Services, "db" | "env" | "git" | "inventory" | "profile">, viewer: Viewer | null, id: string) {
  authorize(viewer, canBrowseInventory(viewer));
  const request = await getRequest(deps.db, viewer, id);
  const { merger } = deps.git;
  const pullRequest = request.prNumber ? readSnapshot(request.prSnapshot) : null;
  const { snapshot, readFile } = await indexedFileReader(deps);
  const existing = request.kind !== "namespace" ? snapshot.find(request.cluster, request.namespace) : undefined;
  // The checks as they stand against today's main. The requester's teams are not known now (submitting checked them),
  // so check-permissions names the teams that may pass rather than guess.
  const { checks } = await checkChange(
    request.files.map((f) => ({ path: f.path, content: f.content, previous: f.previous ?? null })),
    { profile: deps.profile, author: null, readBase: readFile, namespace: existing },
  );
  const actions: RequestAction[] = [];
  if (request.state === "failed") actions.push("retry");
  const open = isRequestState(request.state) && OPEN_STATES.includes(request.state);
  if (canReviewRequest(viewer, request) && open) {
    if (request.state !== "approved") actions.push("approve");
    if (request.state !== "changes_requested") actions.push("request_changes");
  }
  if (merger && canMergeRequest(viewer, request) && request.state === "approved") actions.push("merge");
  if (canReview(viewer) && request.state === "merged" && request.kind !== "namespace") actions.push("mark_applied");
  const outside = Boolean(request.pushedSha && request.headSha && request.headSha !== request.pushedSha);
  if (request.kind !== "edit" && canReviseRequest(viewer, request) && REVISABLE_STATES.includes(request.state) && request.pushedSha && !outside)
    actions.push("revise");
  if (canWithdrawRequest(viewer, request) && WITHDRAWABLE_STATES.includes(request.state)) actions.push("withdraw");
  if (canCloseRequest(viewer, request) && CLOSABLE_STATES.includes(request.state)) actions.push("close");
  // The head commit the reviewer is shown (an approval carries it back), and whether someone other than Berth moved the branch.
  const shownHead = pullRequest?.headSha || request.headSha;
  const changedOutside = Boolean(request.pushedSha && shownHead && shownHead !== request.pushedSha);
  const owner = deps.env.GITHUB_ENVIRONMENTS_REPO?.split("/")[0] ?? deps.profile.defaults.githubOwner;
  const prototype = await prototypeSite({ db: deps.db, profile: deps.profile, owner }, request);
  return { request, pullRequest, actions, checks, shownHead, changedOutside, prototype };
}

/** A webhook delivery, counted by event and outcome: handled, ignored, replay, refused (bad signature) or failed. */
export async function receiveWebhook(
  deps: Pick<Services, "db" | "env" | "metrics" | "syncClone" | "log" | "clock"> & Partial<Pick<Services, "git" | "githubCost">>,
  delivery: WebhookDelivery,
) {
  const { env } = deps;
  if (env.BERTH_GIT_PROVIDER !== "github" || !env.GITHUB_WEBHOOK_SECRET) throw new AppError("not_found", "Webhooks are not configured");
  const event = delivery.event ?? "unknown";
  try {
    const result = await handleGitHubWebhook(deps.db, delivery, {
      secret: env.GITHUB_WEBHOOK_SECRET,
      repo: env.GITHUB_ENVIRONMENTS_REPO!,
      baseBranch: env.BERTH_BASE_BRANCH,
      onPush: deps.syncClone,
      // A comment's delivery carries no pull request state: read the pull request again for its snapshot, as Refresh does, without moving the request (not while the budget is paused; the poll catches up).
      onComment: async (id) => {
        const reader = deps.git?.reader;
        if (!reader || deps.githubCost?.budget.backgroundPaused()) return;
        await pollPullRequests(deps.db, reader, deps.log, env.GITHUB_ENVIRONMENTS_REPO!, {
          ids: [id],
          now: deps.clock.now(),
          source: "webhook",
          snapshotOnly: true,
        });
      },
      log: deps.log,
      now: () => deps.clock.now(),
    });
    deps.metrics.webhook(event, result.handled === "ignored" || result.handled === "stale" ? "ignored" : "handled");
    return result;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    deps.metrics.webhook(event, code === "conflict" ? "replay" : code === "unauthenticated" ? "refused" : "failed");
    throw error;
  }
}

/** The poller's tick (one replica at a time): catch up on missed webhooks when a round is due, then resume requests a dead attempt left behind. */
export async function pollOpenPullRequests(
  deps: Pick<Services, "db" | "env" | "git" | "draft" | "clock" | "log" | "githubCost" | "metrics" | "profile" | "inventory" | "clusters" | "syncClone">,
) {
  const moved = deps.git.reader ? (await pollRound(deps)).moved : 0;
  await resumeStalledRequests(deps.db, deps.git.provider, deps.draft, deps.clock.now(), 5 * 60_000, deps.log);
  return moved;
}

export async function reviewQueue(
  deps: Pick<Services, "db" | "inventory" | "clock">,
  viewer: Viewer | null,
  params: Record<string, string | string[] | undefined>,
) {
  const filters = queueFiltersSchema.parse(Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  return { filters, items: await listReviewQueue(deps.db, viewer, filters, await deps.inventory.snapshot(), deps.clock.now()) };
}

/** For the navigation: how many requests wait for reviewers (null for everyone else). */
export async function reviewCountFor(deps: Pick<Services, "db">, viewer: Viewer | null): Promise<number | null> {
  return viewer && canReview(viewer) ? countOpenRequests(deps.db) : null;
}

type ResourceDeps = Pick<Services, "db" | "env" | "inventory" | "profile" | "git" | "draft" | "log">;

/** Reads a file of the indexed commit, for editing what is there (module upgrades) and the checks' base. */
async function indexedFileReader(deps: Pick<Services, "env" | "inventory" | "profile">) {
  const snapshot = await deps.inventory.snapshot();
  return { snapshot, readFile: snapshotFileReader(deps.env.environmentsRepo, snapshot, deps.profile) };
}

export async function previewResources(
  deps: Omit<ResourceDeps, "db" | "git" | "draft" | "log">,
  viewer: Viewer | null,
  cluster: string,
  name: string,
  input: unknown,
) {
  const { snapshot, readFile } = await indexedFileReader(deps);
  return prepareResourceRequest(viewer, snapshot.find(cluster, name), input, { profile: deps.profile, readFile });
}

export async function submitResources(deps: ResourceDeps, viewer: Viewer | null, cluster: string, name: string, input: unknown) {
  const { snapshot, readFile } = await indexedFileReader(deps);
  return submitResourceRequest(viewer, snapshot.find(cluster, name), input, {
    db: deps.db,
    profile: deps.profile,
    provider: deps.git.provider,
    draft: deps.draft,
    log: deps.log,
    readFile,
  });
}
