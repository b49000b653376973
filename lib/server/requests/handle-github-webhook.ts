import { Webhooks } from "@octokit/webhooks";
import type { Db } from "@/lib/db/create-db";
import { AppError } from "@/lib/errors";
import type { Logger } from "@/lib/log";
import type { RequestState } from "./request-state";
import { transitionRequest } from "./transition-request";

export interface WebhookDelivery {
  rawBody: string;
  event: string | null;
  delivery: string | null;
  signature: string | null;
}

interface PullRequestPayload {
  action?: string;
  pull_request?: { number: number; merged?: boolean; html_url?: string; head?: { ref?: string; sha?: string } };
  review?: { state?: string; user?: { login?: string } };
  check_run?: { name?: string; status?: string; conclusion?: string | null; head_sha?: string };
  sender?: { login?: string };
  ref?: string;
}

async function findRequest(db: Db, pr: PullRequestPayload["pull_request"]) {
  if (!pr) return null;
  return db.request.findFirst({ where: { OR: [{ prNumber: pr.number }, ...(pr.head?.ref ? [{ branch: pr.head.ref }] : [])] }, select: { id: true } });
}

/**
 * A GitHub webhook delivery: verified with the webhook secret over the raw
 * body, refused if forged (401) or already seen (409, a replay), then applied
 * to the request its pull request belongs to. Deliveries about other pull
 * requests are acknowledged and ignored.
 */
export async function handleGitHubWebhook(
  db: Db,
  delivery: WebhookDelivery,
  deps: { secret: string; baseBranch: string; onPush: () => Promise<void>; log: Pick<Logger, "warn"> },
): Promise<{ handled: string }> {
  const { log } = deps;
  const valid = delivery.signature !== null && (await new Webhooks({ secret: deps.secret }).verify(delivery.rawBody, delivery.signature).catch(() => false));
  if (!valid || !delivery.delivery || !delivery.event) {
    log.warn("webhook refused: bad or missing signature", { delivery: delivery.delivery, event: delivery.event });
    throw new AppError("unauthenticated", "Invalid webhook signature");
  }
  try {
    await db.webhookDelivery.create({ data: { id: delivery.delivery, event: delivery.event } });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      log.warn("webhook refused: delivery already processed (replay)", { delivery: delivery.delivery, event: delivery.event });
      throw new AppError("conflict", "Delivery already processed");
    }
    throw error;
  }

  try {
    return await applyDelivery(db, delivery.event, JSON.parse(delivery.rawBody) as PullRequestPayload, deps);
  } catch (error) {
    // Note: the delivery id was claimed above so a concurrent or replayed copy
    // is refused; if applying it failed, give the claim back, or GitHub's
    // redelivery would be refused as a replay and the change lost.
    await db.webhookDelivery.delete({ where: { id: delivery.delivery } }).catch(() => undefined);
    throw error;
  }
}

async function applyDelivery(
  db: Db,
  event: string,
  payload: PullRequestPayload,
  deps: { baseBranch: string; onPush: () => Promise<void> },
): Promise<{ handled: string }> {
  const actor = payload.sender?.login ?? "github";
  if (event === "push") {
    if (payload.ref === `refs/heads/${deps.baseBranch}`) await deps.onPush();
    return { handled: "push" };
  }
  const request = await findRequest(db, payload.pull_request);
  if (!request) return { handled: "ignored" };

  let to: RequestState | null = null;
  let note: string | null = null;
  if (event === "pull_request") {
    if (payload.action === "closed") to = payload.pull_request?.merged ? "merged" : "closed";
    else if (payload.action === "reopened" || payload.action === "opened") to = "pr_open";
    note = `Pull request ${payload.action}`;
  } else if (event === "pull_request_review" && payload.action === "submitted") {
    const state = payload.review?.state?.toLowerCase();
    to = state === "approved" ? "approved" : state === "changes_requested" ? "changes_requested" : null;
    note = `Review: ${state ?? "unknown"} by ${payload.review?.user?.login ?? actor}`;
  }
  if (to)
    await transitionRequest(
      db,
      request.id,
      to,
      payload.review?.user?.login ?? actor,
      note,
      payload.pull_request?.html_url ? { prNumber: payload.pull_request.number, prUrl: payload.pull_request.html_url } : {},
    );
  return { handled: `${event}${to ? ` -> ${to}` : ""}` };
}
