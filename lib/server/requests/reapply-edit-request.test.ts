import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { editOperations } from "@/lib/environments/edit/operations";
import { loadNamespaceFolder } from "@/lib/environments/repository/load-namespace-folder";
import { parseNamespace } from "@/lib/environments/repository/parse-namespace";
import { cloudPlatformNamespace } from "@/lib/environments/testing/cloud-platform-namespace";
import { createLocalProvider } from "@/lib/git/local-provider";
import { fakeRequestDb, requestRow } from "../testing/fake-request-db";
import { profile, roles } from "../testing/fake-services";
import { applyEditAt } from "./apply-edit-at";
import { mergeLocalRequest } from "./merge-local-request";
import { reapplyEditRequest, type ReapplyDeps } from "./reapply-edit-request";

const DOMAIN = "live.cloud-platform.service.justice.gov.uk";
const PATH = `namespaces/${DOMAIN}/orders-dev`;
const FILE = `${PATH}/00-namespace.yaml`;
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const git = (dir: string, ...args: string[]) =>
  execFileSync("git", ["-C", dir, "-c", "user.name=t", "-c", "user.email=t@x", ...args], { encoding: "utf8" }).trim();

/** A real environments repository (main holds orders-dev), the local provider, two edit requests of its metadata on their own branches. */
async function setup() {
  const repo = mkdtempSync(path.join(os.tmpdir(), "berth-reapply-"));
  dirs.push(repo);
  git(repo, "init", "-q", "-b", "main");
  const files = cloudPlatformNamespace("orders-dev", { teams: ["team-a"] });
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(repo, PATH, name)), { recursive: true });
    writeFileSync(path.join(repo, PATH, name), content);
  }
  git(repo, "add", ".");
  git(repo, "commit", "-q", "-m", "init");
  const record = parseNamespace({ files, profile, clusterDomain: DOMAIN, name: "orders-dev" });
  const provider = createLocalProvider({ repoPath: repo, baseBranch: "main" });
  const requests = fakeRequestDb();
  const deps: ReapplyDeps = {
    db: requests.db,
    updater: provider,
    mainHead: async () => git(repo, "rev-parse", "main"),
    profile,
    operations: editOperations,
    snapshot: { commit: "unused", find: (cluster, name) => (cluster === record.cluster && name === "orders-dev" ? record : undefined) },
    loadFolder: (commit, at) => loadNamespaceFolder(repo, commit, at, profile),
    readFile: async (commit, file) => {
      try {
        return git(repo, "show", `${commit}:${file}`);
      } catch {
        return null;
      }
    },
    context: { now: new Date("2026-06-01T00:00:00Z") },
    now: () => new Date("2026-06-02T00:00:00Z"),
  };
  /** Submits an edit as Berth does: applied at main's head, its own branch, an approved row. */
  const submit = async (id: string, answers: Record<string, unknown>) => {
    const main = git(repo, "rev-parse", "main");
    const applied = await applyEditAt(main, record, editOperations.metadata!, answers, deps);
    if (!applied.ok) throw new Error(JSON.stringify(applied.errors));
    const branch = `berth/edit-metadata-orders-dev-${id}`;
    const opened = await provider.openPullRequest({
      branch,
      title: id,
      body: "",
      commitMessage: id,
      files: applied.files.map(({ path: p, content }) => ({ path: p, content })),
      labels: [],
      reviewerTeams: [],
    });
    requests.requests.set(
      id,
      requestRow(id, {
        kind: "edit",
        state: "approved",
        cluster: record.cluster,
        namespace: "orders-dev",
        requester: "olly",
        branch,
        answers: { operation: "metadata", answers, baseCommit: main },
        files: applied.files.map(({ path: p, content, previous }) => ({ path: p, content, previous })),
        headSha: opened.headSha,
        pushedSha: opened.headSha,
      }),
    );
  };
  const merge = (id: string) => mergeLocalRequest(requests.db, roles.reviewer, id, provider, (request) => reapplyEditRequest(request, deps));
  return { repo, deps, requests, submit, merge, record };
}

describe("reapplyEditRequest, with real git and the local provider", () => {
  it("re-applies an edit whose branch conflicts onto main: it goes back to review, then merges cleanly with both changes", async () => {
    const { repo, requests, submit, merge } = await setup();
    await submit("slack", { slackChannel: "orders-alerts" });
    await submit("app", { application: "Orders service" });
    await merge("slack");
    expect(requests.requests.get("slack")!.state).toBe("merged");
    const main = git(repo, "rev-parse", "main");

    // The neighbouring line changed on main: the second branch no longer merges, so Berth re-applies the edit.
    const before = requests.requests.get("app")!.pushedSha!;
    await expect(merge("app")).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/re-applied the edit/) });
    const row = requests.requests.get("app")!;
    expect(row.state).toBe("pr_open");
    expect(row.pushedSha).not.toBe(before);
    expect(row.headSha).toBe(row.pushedSha);
    expect(git(repo, "rev-parse", row.branch)).toBe(row.pushedSha);
    expect(git(repo, "rev-list", "--parents", "-n", "1", row.pushedSha!)).toBe(`${row.pushedSha} ${before} ${main}`);
    expect(row.answers).toMatchObject({ baseCommit: main, reappliedOn: main });
    expect(requests.events.at(-1)).toMatchObject({ requestId: "app", fromState: "approved", toState: "pr_open", actor: "berth", sha: row.pushedSha });
    expect(requests.events.at(-1)!.note).toMatch(/^Re-applied the edit onto main at [0-9a-f]{12}/);

    // Reviewed again, it merges cleanly, and main holds both edits.
    requests.requests.set("app", { ...row, state: "approved" });
    await merge("app");
    expect(requests.requests.get("app")!.state).toBe("merged");
    const merged = git(repo, "show", `main:${FILE}`);
    expect(merged).toContain('cloud-platform.justice.gov.uk/slack-channel: "orders-alerts"');
    expect(merged).toContain('cloud-platform.justice.gov.uk/application: "Orders service"');
  });

  it("moves an edit that no longer applies to conflict with the operation's reason, writes no commit, and tries once per head of main", async () => {
    const { repo, deps, requests, submit, merge } = await setup();
    await submit("slack", { slackChannel: "orders-alerts" });
    // Someone replaces the Namespace document on main meanwhile (the branch changes the file main deleted).
    git(repo, "rm", "-q", FILE);
    git(repo, "commit", "-q", "-m", "drop the Namespace document");
    const pushed = requests.requests.get("slack")!.pushedSha!;
    const refused = await merge("slack").catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "conflict", message: expect.stringMatching(/slackChannel: /) });
    const row = requests.requests.get("slack")!;
    expect(row.state).toBe("conflict");
    expect(row.failure).toMatch(/^The edit no longer applies to main at [0-9a-f]{12}: slackChannel: .+Withdraw this request/);
    expect(git(repo, "rev-parse", row.branch)).toBe(pushed);
    expect(requests.events.at(-1)).toMatchObject({ fromState: "approved", toState: "conflict", actor: "berth", note: row.failure });
    const events = requests.events.length;
    expect(await reapplyEditRequest("slack", deps)).toMatchObject({ outcome: "skipped" });
    expect(requests.events).toHaveLength(events);
  });

  it("moves an edit to conflict when main changed the very line it changes, naming the line, and writes no commit", async () => {
    const { repo, requests, submit, merge } = await setup();
    await submit("slack", { slackChannel: "orders-alerts" });
    await submit("other", { slackChannel: "orders-team" });
    await merge("other");
    const pushed = requests.requests.get("slack")!.pushedSha!;
    const refused = await merge("slack").catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "conflict" });
    const row = requests.requests.get("slack")!;
    expect(row.state).toBe("conflict");
    expect(row.failure).toMatch(new RegExp(`main changed the lines this edit changes \\(${FILE} line \\d+\\)\\. Withdraw this request`));
    expect(git(repo, "rev-parse", row.branch)).toBe(pushed);
    expect(git(repo, "show", `main:${FILE}`)).toContain('slack-channel: "orders-team"');
  });

  it("skips what is not an edit request in an open or conflicted state, and never rewrites a branch changed outside Berth", async () => {
    const { repo, deps, requests, submit } = await setup();
    requests.requests.set("ns", requestRow("ns", { state: "conflict" }));
    expect(await reapplyEditRequest("ns", deps)).toMatchObject({ outcome: "skipped" });
    await submit("slack", { slackChannel: "orders-alerts" });
    requests.requests.set("merged", { ...requests.requests.get("slack")!, id: "merged", state: "merged" });
    expect(await reapplyEditRequest("merged", deps)).toMatchObject({ outcome: "skipped" });
    const row = requests.requests.get("slack")!;
    requests.requests.set("slack", { ...row, headSha: "e".repeat(40) });
    expect(await reapplyEditRequest("slack", deps)).toMatchObject({ outcome: "conflict", reason: expect.stringMatching(/changed outside Berth/) });
    expect(git(repo, "rev-parse", row.branch)).toBe(row.pushedSha);
    expect(requests.requests.get("slack")!.state).toBe("conflict");
  });
});
