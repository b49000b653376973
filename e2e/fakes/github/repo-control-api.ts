import type { ServerResponse } from "node:http";
import { recordCheckRun } from "./check-operations";
import type { FakeUrls } from "./github-objects";
import type { GitHubState } from "./github-state";
import { sendJson } from "./http-io";
import type { RepoContext } from "./repo-context";
import type { RateWindows } from "./rate-windows";
import type { Traffic } from "./traffic";

export interface RepoControlContext {
  state: GitHubState;
  urls: FakeUrls;
  traffic: Traffic;
  rates: RateWindows;
  repo?: RepoContext;
}

type Body = Record<string, unknown>;

const BRANCH = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,200}$/;

const CONCLUSIONS = ["success", "failure", "neutral", "cancelled", "skipped", "timed_out", "action_required", "pending"];

/**
 * The control endpoints for the repository, its webhook and the REST
 * traffic. Returns false when the path is not one of them.
 */
export async function repoControlApi(method: string, pathname: string, body: Body, response: ServerResponse, context: RepoControlContext): Promise<boolean> {
  const invalid = (message: string) => (sendJson(response, 422, { message }), true);
  const ok = (status: number, payload?: unknown) => (sendJson(response, status, payload), true);
  const { traffic, repo } = context;

  if (pathname === "/_fake/calls" && method === "GET") return ok(200, traffic.calls());
  if (pathname === "/_fake/calls" && method === "DELETE") return (traffic.resetCalls(), ok(204));
  if (pathname === "/_fake/rate-limit" && method === "PUT") {
    const { remaining } = body;
    if (remaining !== null && (typeof remaining !== "number" || !Number.isInteger(remaining) || remaining < 0)) {
      return invalid("remaining must be a non-negative integer, or null for the real count");
    }
    context.rates.setRemaining(remaining);
    return ok(200, { remaining });
  }
  if (pathname === "/_fake/fail-next" && method === "POST") {
    const { method: failMethod = "*", pathPattern, status, times = 1 } = body;
    if (typeof failMethod !== "string") return invalid("method must be an HTTP method or *");
    if (typeof pathPattern !== "string") return invalid("pathPattern must be a regular expression (string)");
    try {
      new RegExp(pathPattern);
    } catch {
      return invalid("pathPattern is not a valid regular expression");
    }
    if (typeof status !== "number" || status < 400 || status > 599) return invalid("status must be a 4xx or 5xx status");
    if (typeof times !== "number" || !Number.isInteger(times) || times < 1) return invalid("times must be a positive integer");
    traffic.failNext({ method: failMethod, pathPattern, status, times });
    return ok(201, { pending: traffic.pendingFailures() });
  }

  if ((pathname === "/_fake/fail-next" || pathname === "/_fake/slow-next") && method === "DELETE") return (traffic.clearInjections(), ok(204));
  if (pathname === "/_fake/slow-next" && method === "POST") {
    const { method: slowMethod = "*", pathPattern, delayMs, times = 1 } = body;
    if (typeof slowMethod !== "string") return invalid("method must be an HTTP method or *");
    if (typeof pathPattern !== "string") return invalid("pathPattern must be a regular expression (string)");
    try {
      new RegExp(pathPattern);
    } catch {
      return invalid("pathPattern is not a valid regular expression");
    }
    if (typeof delayMs !== "number" || !Number.isInteger(delayMs) || delayMs < 1 || delayMs > 120_000)
      return invalid("delayMs must be an integer from 1 to 120000");
    if (typeof times !== "number" || !Number.isInteger(times) || times < 1) return invalid("times must be a positive integer");
    traffic.slowNext({ method: slowMethod, pathPattern, delayMs, times });
    return ok(201, { pending: traffic.pendingDelays() });
  }

  const repoPaths = ["/_fake/repo/rules", "/_fake/repo/pulls", "/_fake/checks", "/_fake/webhook", "/_fake/deliveries"];
  if (!repoPaths.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`))) return false;
  if (!repo) return ok(404, { message: "the fake was started without a repository (repo option, --bare-repo)" });

  if (pathname === "/_fake/repo/rules" && method === "PUT") {
    const { requiredApprovals, requiredChecks } = body;
    if (requiredApprovals !== undefined && requiredApprovals !== 0 && requiredApprovals !== 1) return invalid("requiredApprovals must be 0 or 1");
    if (requiredChecks !== undefined && !(Array.isArray(requiredChecks) && requiredChecks.every((name) => typeof name === "string"))) {
      return invalid("requiredChecks must be an array of check names");
    }
    repo.store.setRules({
      ...(requiredApprovals === undefined ? {} : { requiredApprovals }),
      ...(requiredChecks === undefined ? {} : { requiredChecks: requiredChecks as string[] }),
    });
    return ok(200, repo.store.rules);
  }
  if (pathname === "/_fake/repo/rules" && method === "GET") return ok(200, repo.store.rules);

  if (pathname === "/_fake/repo/pulls" && method === "POST") {
    const { sha, heads, base = repo.defaultBranch, author } = body;
    const commit = typeof sha === "string" ? await repo.git.resolve(sha, "commit") : undefined;
    if (!commit) return invalid("sha must name a commit in the repository");
    if (!Array.isArray(heads) || heads.length === 0 || heads.length > 1000 || !heads.every((h) => typeof h === "string" && BRANCH.test(h))) {
      return invalid("heads must be 1 to 1000 new branch names");
    }
    if (typeof base !== "string" || !(await repo.git.ref(`refs/heads/${base}`))) return invalid("base must be a branch of the repository");
    if (typeof author !== "string" || !context.state.user(author)) return invalid("author must be a login of the fake");
    // One git transaction makes every branch, or none if one exists already.
    const created = await repo.git.run(["update-ref", "--stdin"], { input: heads.map((head) => `create refs/heads/${head} ${commit}\n`).join("") });
    if (created.code !== 0) return invalid(`the branches could not be created: ${created.stderr.trim()}`);
    const pulls = (heads as string[]).map((head) => repo.store.createPull({ title: head, body: null, draft: false, head, base, author }));
    return ok(201, { pulls: pulls.map((pull) => ({ number: pull.number, head: pull.head })) });
  }

  if (pathname === "/_fake/checks" && method === "POST") {
    const { sha, name, conclusion } = body;
    if (typeof name !== "string" || !name) return invalid("name must be a check name");
    if (typeof conclusion !== "string" || !CONCLUSIONS.includes(conclusion)) return invalid(`conclusion must be one of ${CONCLUSIONS.join(", ")}`);
    const resolved = typeof sha === "string" ? await repo.git.resolve(sha, "commit") : undefined;
    if (!resolved) return invalid("sha must name a commit in the repository");
    const pending = conclusion === "pending";
    const source = { repo, state: context.state, urls: context.urls, sender: repo.owner };
    const run = await recordCheckRun(
      source,
      {
        name,
        headSha: resolved,
        status: pending ? "in_progress" : "completed",
        conclusion: pending ? null : (conclusion as "success"),
        detailsUrl: null,
        externalId: null,
      },
      true,
    );
    return ok(201, { id: run.id, name: run.name, headSha: run.headSha, status: run.status, conclusion: run.conclusion });
  }

  if (pathname === "/_fake/webhook" && method === "PUT") {
    const { url, secret } = body;
    if (typeof url !== "string" || !/^https?:\/\//.test(url)) return invalid("url must be an http(s) URL");
    if (typeof secret !== "string") return invalid("secret must be a string");
    repo.hooks.configure(url, secret);
    return ok(200, { url });
  }
  if (pathname === "/_fake/webhook" && method === "DELETE") return (repo.hooks.remove(), ok(204));

  if (pathname === "/_fake/deliveries" && method === "GET") return ok(200, { deliveries: repo.hooks.deliveries() });
  const redeliver = /^\/_fake\/deliveries\/(\d+)\/redeliver$/.exec(pathname);
  if (redeliver && method === "POST") {
    const again = repo.hooks.redeliver(Number(redeliver[1]));
    return again ? ok(202, { id: again.id, guid: again.guid }) : ok(404, { message: "no such delivery" });
  }
  return false;
}
