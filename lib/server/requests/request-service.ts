import type { Viewer } from "@/lib/auth/viewer";
import { canBrowseInventory, canReview } from "@/lib/auth/policy";
import type { PullRequestStatus } from "@/lib/git/git-provider";
import { postGitHubReview } from "@/lib/git/github-review";
import { sessionGitHubToken } from "@/lib/auth/sessions";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { authorize } from "../authorize";
import { getClock, getDraftSettings, getGit, getInventoryStore, getMetrics, getProfile, syncEnvironmentsClone } from "../wiring";
import { getRequest } from "./get-request";
import { handleGitHubWebhook, type WebhookDelivery } from "./handle-github-webhook";
import { listRequests } from "./list-requests";
import { countOpenRequests, listReviewQueue, queueFiltersSchema } from "./list-review-queue";
import { pollPullRequests } from "./poll-pull-requests";
import { prepareNamespaceRequest } from "./prepare-namespace-request";
import { resumeStalledRequests } from "./resume-stalled-requests";
import { retryRequest } from "./retry-request";
import { mergeLocalRequest } from "./merge-local-request";
import { OPEN_STATES, isRequestState } from "./request-state";
import { reviewRequest, type PostReview } from "./review-request";
import { submitNamespaceRequest } from "./submit-namespace-request";
import { prepareResourceRequest } from "./prepare-resource-request";
import { submitResourceRequest } from "./submit-resource-request";
import { runGit } from "@/lib/environments/run-git";
import { checkNamespacePolicy } from "@/lib/environments/check-namespace-policy";

/** The request use-cases with their real dependencies, for routes and pages. */

export async function previewNamespaceRequest(viewer: Viewer | null, input: unknown) {
  authorize(viewer, canBrowseInventory(viewer));
  return prepareNamespaceRequest(viewer, input, { db: getDb(), profile: getProfile(), snapshot: await getInventoryStore().snapshot() });
}

export async function submitRequest(viewer: Viewer | null, input: unknown) {
  authorize(viewer, canBrowseInventory(viewer));
  return submitNamespaceRequest(viewer, input, {
    db: getDb(),
    profile: getProfile(),
    snapshot: await getInventoryStore().snapshot(),
    provider: getGit().provider,
    draft: getDraftSettings(),
  });
}

export async function retry(viewer: Viewer | null, id: string) {
  authorize(viewer, canBrowseInventory(viewer));
  await retryRequest(getDb(), viewer, id, { provider: getGit().provider, draft: getDraftSettings() });
}

/** Approve or request changes; with GitHub the review is posted there as the reviewer. */
export async function review(viewer: Viewer | null, id: string, input: unknown) {
  const env = getEnv();
  let post: PostReview | null = null;
  if (env.BERTH_GIT_PROVIDER === "github" && viewer) {
    const token = viewer.kind === "github" ? await sessionGitHubToken(getDb(), viewer.sessionId, env.authSecret) : null;
    if (!token) throw new AppError("forbidden", "Sign in with GitHub to review: the review is posted as you");
    const [owner, repo] = env.GITHUB_ENVIRONMENTS_REPO!.split("/") as [string, string];
    post = (number, event, body) => postGitHubReview({ apiUrl: env.GITHUB_API_URL, owner, repo, token, number, event, body, onCall: (call) => getMetrics().githubCall(call) });
  }
  await reviewRequest(getDb(), viewer, id, input, post);
}

/** Merge an approved request (local provider only: on GitHub, merging happens there). */
export async function merge(viewer: Viewer | null, id: string) {
  const merger = getGit().merger;
  if (!merger) throw new AppError("not_found", "Pull requests are merged on GitHub for this Berth");
  await mergeLocalRequest(getDb(), viewer, id, merger);
  await getInventoryStore().refresh();
}

export async function requestsFor(viewer: Viewer | null) {
  authorize(viewer, canBrowseInventory(viewer));
  return listRequests(getDb(), viewer);
}

export type RequestAction = "retry" | "approve" | "request_changes" | "merge";

/**
 * A request with what the viewer may do with it and, for GitHub, the pull
 * request's live reviews and checks ("unreachable" when GitHub does not answer:
 * the page still renders).
 */
export async function requestFor(viewer: Viewer | null, id: string) {
  authorize(viewer, canBrowseInventory(viewer));
  const request = await getRequest(getDb(), viewer, id);
  const { reader, merger } = getGit();
  let pullRequest: PullRequestStatus | "unreachable" | null = null;
  if (reader && request.prNumber) pullRequest = await reader.getPullRequest(request.prNumber).catch(() => "unreachable" as const);
  const snapshot = await getInventoryStore().snapshot();
  const existing = request.kind === "resources" ? snapshot.find(request.cluster, request.namespace) : undefined;
  const policy = checkNamespacePolicy(request.files, getProfile(), existing ? { existingNamespace: existing } : {});
  const actions: RequestAction[] = [];
  if (request.state === "failed") actions.push("retry");
  const open = isRequestState(request.state) && OPEN_STATES.includes(request.state);
  if (canReview(viewer) && open && request.requester !== viewer.login) {
    if (request.state !== "approved") actions.push("approve");
    if (request.state !== "changes_requested") actions.push("request_changes");
  }
  if (merger && canReview(viewer) && request.state === "approved") actions.push("merge");
  return { request, pullRequest, actions, policy };
}

/** A webhook delivery, counted by event and outcome: handled, ignored, replay, refused (bad signature) or failed. */
export async function receiveWebhook(delivery: WebhookDelivery) {
  const env = getEnv();
  if (env.BERTH_GIT_PROVIDER !== "github" || !env.GITHUB_WEBHOOK_SECRET) throw new AppError("not_found", "Webhooks are not configured");
  const event = delivery.event ?? "unknown";
  try {
    const result = await handleGitHubWebhook(getDb(), delivery, { secret: env.GITHUB_WEBHOOK_SECRET, baseBranch: env.BERTH_BASE_BRANCH, onPush: syncEnvironmentsClone });
    getMetrics().webhook(event, result.handled === "ignored" ? "ignored" : "handled");
    return result;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    getMetrics().webhook(event, code === "conflict" ? "replay" : code === "unauthenticated" ? "refused" : "failed");
    throw error;
  }
}

/** The poller's round (one replica at a time): catch up on missed webhooks, then resume requests a dead attempt left behind. */
export async function pollOpenPullRequests() {
  const { reader, provider } = getGit();
  const moved = reader ? await pollPullRequests(getDb(), reader) : 0;
  await resumeStalledRequests(getDb(), provider, getDraftSettings(), getClock().now(), 5 * 60_000);
  return moved;
}

export async function reviewQueue(viewer: Viewer | null, params: Record<string, string | string[] | undefined>) {
  const filters = queueFiltersSchema.parse(Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  return { filters, items: await listReviewQueue(getDb(), viewer, filters, await getInventoryStore().snapshot(), getClock().now()) };
}

/** For the navigation: how many requests wait for reviewers (null for everyone else). */
export async function reviewCountFor(viewer: Viewer | null): Promise<number | null> {
  return viewer && canReview(viewer) ? countOpenRequests(getDb()) : null;
}

/** Reads a file of the indexed commit, for editing what is there (module upgrades). */
async function indexedFileReader() {
  const snapshot = await getInventoryStore().snapshot();
  const repo = getEnv().environmentsRepo;
  return {
    snapshot,
    readFile: (path: string) =>
      runGit(repo, ["cat-file", "blob", `${snapshot.commit}:${path}`]).then(
        (blob) => blob.toString("utf8"),
        () => null,
      ),
  };
}

export async function previewResources(viewer: Viewer | null, cluster: string, name: string, input: unknown) {
  const { snapshot, readFile } = await indexedFileReader();
  return prepareResourceRequest(viewer, snapshot.find(cluster, name), input, { profile: getProfile(), readFile });
}

export async function submitResources(viewer: Viewer | null, cluster: string, name: string, input: unknown) {
  const { snapshot, readFile } = await indexedFileReader();
  return submitResourceRequest(viewer, snapshot.find(cluster, name), input, { db: getDb(), profile: getProfile(), provider: getGit().provider, draft: getDraftSettings(), readFile });
}
