import type { Viewer } from "@/lib/auth/viewer";
import { canBrowseInventory, canReview } from "@/lib/auth/policy";
import type { PullRequestStatus } from "@/lib/git/git-provider";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { authorize } from "../authorize";
import { getDraftSettings, getGit, getInventoryStore, getProfile, syncEnvironmentsClone } from "../wiring";
import { getRequest } from "./get-request";
import { handleGitHubWebhook, type WebhookDelivery } from "./handle-github-webhook";
import { listRequests } from "./list-requests";
import { pollPullRequests } from "./poll-pull-requests";
import { prepareNamespaceRequest } from "./prepare-namespace-request";
import { retryRequest } from "./retry-request";
import { reviewLocalRequest } from "./review-local-request";
import { submitNamespaceRequest } from "./submit-namespace-request";

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

export async function reviewInBerth(viewer: Viewer | null, id: string, action: "approve" | "merge") {
  const merger = getGit().merger;
  if (!merger) throw new AppError("not_found", "Reviews happen on GitHub for this Berth");
  await reviewLocalRequest(getDb(), viewer, id, action, merger);
  if (action === "merge") await getInventoryStore().refresh();
}

export async function requestsFor(viewer: Viewer | null) {
  authorize(viewer, canBrowseInventory(viewer));
  return listRequests(getDb(), viewer);
}

export type RequestAction = "retry" | "approve" | "merge";

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
  const actions: RequestAction[] = [];
  if (request.state === "failed") actions.push("retry");
  if (merger && canReview(viewer)) {
    if (["pr_open", "changes_requested"].includes(request.state) && request.requester !== viewer.login) actions.push("approve");
    if (request.state === "approved") actions.push("merge");
  }
  return { request, pullRequest, actions };
}

export function receiveWebhook(delivery: WebhookDelivery) {
  const env = getEnv();
  if (env.BERTH_GIT_PROVIDER !== "github" || !env.GITHUB_WEBHOOK_SECRET) throw new AppError("not_found", "Webhooks are not configured");
  return handleGitHubWebhook(getDb(), delivery, { secret: env.GITHUB_WEBHOOK_SECRET, baseBranch: env.BERTH_BASE_BRANCH, onPush: syncEnvironmentsClone });
}

export function pollOpenPullRequests() {
  const reader = getGit().reader;
  return reader ? pollPullRequests(getDb(), reader) : Promise.resolve(0);
}
