import { createHash } from "node:crypto";
import { Webhooks } from "@octokit/webhooks";
import type { Db } from "@/lib/db/create-db";
import { AppError } from "@/lib/errors";
import type { Logger } from "@/lib/log";
import { applyDeployPrDelivery } from "./follow-prototype-deploy-pr";
import { patchSnapshot, readSnapshot, type SnapshotPatch } from "./pr-snapshot";
import type { RequestState } from "./request-state";
import { transitionRequest } from "./transition-request";

export interface WebhookDelivery {
  rawBody: string;
  event: string | null;
  delivery: string | null;
  signature: string | null;
}

interface RepoRef {
  full_name?: string;
}

interface PullRequestPayload {
  action?: string;
  pull_request?: {
    number: number;
    state?: string;
    merged?: boolean;
    mergeable?: boolean | null;
    html_url?: string;
    updated_at?: string;
    head?: { ref?: string; sha?: string; repo?: RepoRef | null };
    base?: { ref?: string; repo?: RepoRef | null };
  };
  review?: { state?: string; user?: { login?: string }; submitted_at?: string | null; body?: string | null };
  check_run?: { name?: string; status?: string; conclusion?: string | null; head_sha?: string };
  sender?: { login?: string };
  ref?: string;
  /** issue_comment: the issue or pull request commented on (a pull request's carries `pull_request`). */
  issue?: { number?: number; pull_request?: object | null };
  repository?: RepoRef;
}

export interface WebhookDeps {
  secret: string;
  /** The environments repository, owner/name: the only head (and base) repository a request's pull request can have. */
  repo: string;
  baseBranch: string;
  onPush: () => Promise<void>;
  /**
   * A comment on a request's pull request was created, edited or deleted: its payload carries the
   * comment, not the pull request's state, so the request's snapshot is read again from GitHub.
   */
  onComment?: (requestId: string) => Promise<void>;
  log: Pick<Logger, "warn">;
  /** Berth's clock: when a delivery arrived (the poller stretches its interval while they do) and snapshots' age. */
  now?: () => Date;
}

const sameRepo = (a: string | undefined | null, b: string) => typeof a === "string" && a.toLowerCase() === b.toLowerCase();

/**
 * The request a pull request event belongs to. Note: it must match the
 * request's binding on every part: the number, the head branch, and the head
 * repository, which must be the environments repository itself (a fork's
 * pull request with the same branch name or number matches nothing). A
 * request stored before the head repository was recorded (null) matches on
 * number and branch, and the repository was checked against the setting.
 */
async function findRequest(db: Db, pr: PullRequestPayload["pull_request"], repo: string) {
  if (!pr || typeof pr.number !== "number" || !pr.head?.ref) return null;
  if (!sameRepo(pr.head.repo?.full_name, repo)) return null;
  if (pr.base?.repo && !sameRepo(pr.base.repo.full_name, repo)) return null;
  return db.request.findFirst({
    where: { prNumber: pr.number, branch: pr.head.ref, OR: [{ prHeadRepo: repo }, { prHeadRepo: null }] },
    select: { id: true, prHeadRepo: true, prUpdatedAt: true, prSnapshot: true },
  });
}

/** SHA-256 of the event name and the raw body: the same captured payload under another delivery id is the same digest. */
function digestOf(delivery: WebhookDelivery): string {
  return createHash("sha256").update(`${delivery.event}\n${delivery.rawBody}`).digest("hex");
}

/**
 * A GitHub webhook delivery: verified with the webhook secret over the raw
 * body, refused if forged (401) or already seen (409, a replay: the same
 * delivery id, or the same payload under a fresh id), then applied to the
 * request its pull request is bound to. Deliveries about other pull requests,
 * and news older than what Berth already knows, are acknowledged and ignored.
 */
export async function handleGitHubWebhook(db: Db, delivery: WebhookDelivery, deps: WebhookDeps): Promise<{ handled: string }> {
  const { log } = deps;
  const valid = delivery.signature !== null && (await new Webhooks({ secret: deps.secret }).verify(delivery.rawBody, delivery.signature).catch(() => false));
  if (!valid || !delivery.delivery || !delivery.event) {
    log.warn("webhook refused: bad or missing signature", { delivery: delivery.delivery, event: delivery.event });
    throw new AppError("unauthenticated", "Invalid webhook signature");
  }
  try {
    const receivedAt = deps.now?.();
    await db.webhookDelivery.create({
      data: { id: delivery.delivery, event: delivery.event, digest: digestOf(delivery), ...(receivedAt ? { receivedAt } : {}) },
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      log.warn("webhook refused: delivery or payload already processed (replay)", { delivery: delivery.delivery, event: delivery.event });
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

async function applyDelivery(db: Db, event: string, payload: PullRequestPayload, deps: WebhookDeps): Promise<{ handled: string }> {
  const actor = payload.sender?.login ?? "github";
  if (event === "push") {
    if (payload.ref === `refs/heads/${deps.baseBranch}`) await deps.onPush();
    return { handled: "push" };
  }
  if (event === "check_run") return applyCheckRun(db, payload, deps);
  if (event === "issue_comment") return applyComment(db, payload, deps);
  const pr = payload.pull_request;
  // Another repository's pull request: a prototype's deployment pull request, if Berth opened it (follow-prototype-deploy-pr.ts).
  const from = payload.repository?.full_name;
  if (event === "pull_request" && pr && typeof pr.number === "number" && from && !sameRepo(from, deps.repo))
    return applyDeployPrDelivery(db, from, pr, deps.now?.() ?? new Date());
  const request = await findRequest(db, pr, deps.repo);
  if (!pr || !request) return { handled: "ignored" };

  const updatedAt = pr.updated_at ? new Date(pr.updated_at) : null;
  if (updatedAt && Number.isNaN(updatedAt.getTime())) return { handled: "ignored" };
  // Note: never move a request backwards on news older than what Berth already applied (a replayed or late delivery).
  if (updatedAt && request.prUpdatedAt && updatedAt < request.prUpdatedAt) return { handled: "stale" };

  let to: RequestState | null = null;
  let note: string | null = null;
  if (event === "pull_request") {
    if (payload.action === "closed") to = pr.merged ? "merged" : "closed";
    else if (payload.action === "reopened" || payload.action === "opened") to = "pr_open";
    note = `Pull request ${payload.action}`;
  } else if (event === "pull_request_review" && payload.action === "submitted") {
    const state = payload.review?.state?.toLowerCase();
    to = state === "approved" ? "approved" : state === "changes_requested" ? "changes_requested" : null;
    note = `Review: ${state ?? "unknown"} by ${payload.review?.user?.login ?? actor}`;
  }
  const patch: SnapshotPatch = {
    number: pr.number,
    ...(pr.state === "open" || pr.state === "closed" ? { state: pr.state } : {}),
    ...(typeof pr.merged === "boolean" ? { merged: pr.merged } : {}),
    ...(pr.mergeable !== undefined ? { mergeable: pr.mergeable } : {}),
    headSha: pr.head?.sha,
    headRef: pr.head?.ref,
    headRepo: pr.head?.repo?.full_name,
    updatedAt: pr.updated_at,
    ...(event === "pull_request_review" && payload.review?.state
      ? {
          review: {
            user: payload.review.user?.login ?? actor,
            state: payload.review.state.toUpperCase(),
            submittedAt: payload.review.submitted_at ?? null,
            body: payload.review.body ?? "",
          },
        }
      : {}),
  };
  const facts = {
    ...(pr.head?.sha ? { headSha: pr.head.sha } : {}),
    ...(updatedAt ? { prUpdatedAt: updatedAt } : {}),
    ...patchSnapshot(readSnapshot(request.prSnapshot), patch, deps.now?.() ?? new Date()),
  };
  // A request stored before head repositories were recorded is bound to this one now (it was checked above).
  if (!request.prHeadRepo) await db.request.updateMany({ where: { id: request.id, prHeadRepo: null }, data: { prHeadRepo: deps.repo } });
  if (to) await transitionRequest(db, request.id, to, payload.review?.user?.login ?? actor, note, facts);
  else if (Object.keys(facts).length > 0) await db.request.update({ where: { id: request.id }, data: facts });
  return { handled: `${event}${to ? ` -> ${to}` : ""}` };
}

const COMMENT_ACTIONS = ["created", "edited", "deleted"];

/**
 * A comment on a pull request. Note: the payload names the pull request only by
 * number (no head branch), so it must come from the environments repository
 * itself and match a request's pull request number there; a comment on an
 * issue, or on another repository's pull request, matches nothing.
 */
async function applyComment(db: Db, payload: PullRequestPayload, deps: WebhookDeps): Promise<{ handled: string }> {
  const number = payload.issue?.number;
  if (!payload.issue?.pull_request || typeof number !== "number" || !COMMENT_ACTIONS.includes(payload.action ?? "")) return { handled: "ignored" };
  if (!sameRepo(payload.repository?.full_name, deps.repo) || !deps.onComment) return { handled: "ignored" };
  const request = await db.request.findFirst({
    where: { prNumber: number, OR: [{ prHeadRepo: deps.repo }, { prHeadRepo: null }] },
    select: { id: true },
  });
  if (!request) return { handled: "ignored" };
  await deps.onComment(request.id);
  return { handled: "issue_comment" };
}

/**
 * A check run on a request's head commit (its payload names no pull request
 * Berth can trust, only the commit): the run replaces the one of its name in
 * the request's snapshot.
 */
async function applyCheckRun(db: Db, payload: PullRequestPayload, deps: WebhookDeps): Promise<{ handled: string }> {
  const run = payload.check_run;
  if (!run?.head_sha || !run.name) return { handled: "ignored" };
  const request = await db.request.findFirst({
    where: { headSha: run.head_sha, prNumber: { not: null } },
    select: { id: true, prNumber: true, prSnapshot: true },
  });
  if (!request) return { handled: "ignored" };
  const check = { name: run.name, status: run.status ?? "queued", conclusion: run.conclusion ?? null };
  const data = patchSnapshot(readSnapshot(request.prSnapshot), { number: request.prNumber!, check }, deps.now?.() ?? new Date());
  await db.request.update({ where: { id: request.id }, data });
  return { handled: "check_run" };
}
