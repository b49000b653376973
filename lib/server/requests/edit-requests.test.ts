import { describe, expect, it, vi } from "vitest";
import type { NamespaceFolder } from "@/lib/environments/edit/edit-operation";
import { parseNamespace } from "@/lib/environments/repository/parse-namespace";
import { cloudPlatformNamespace, moduleBlock } from "@/lib/environments/testing/cloud-platform-namespace";
import type { NamespaceRecord } from "@/lib/environments/types";
import type { GitProvider } from "@/lib/git/git-provider";
import { testLogger } from "@/lib/testing/test-logger";
import { editOperations } from "@/lib/environments/edit/operations";
import { fakeEditOperations } from "../testing/fake-edit-operations";
import { fakeRequestDb, requestRow } from "../testing/fake-request-db";
import { profile, roles } from "../testing/fake-services";
import type { NamespaceWorkloads } from "../namespace-workloads";
import { prepareEditRequest, type EditDeps } from "./prepare-edit-request";
import { submitEditRequest } from "./submit-edit-request";

const DOMAIN = "live.cloud-platform.service.justice.gov.uk";
const PATH = `namespaces/${DOMAIN}/orders-dev`;
const rds = `${moduleBlock("db", "rds-instance", "8.0.0").replace(/}\s*$/, "")}  deletion_protection = true\n}\n`;
const base = cloudPlatformNamespace("orders-dev", { teams: ["team-a"], resources: { "sqs.tf": moduleBlock("q", "sqs", "5.1.2"), "db.tf": rds } });

/** Two commits of the folder: c1 as the form saw it, c2 with main moved (a comment added to 00-namespace.yaml). */
function repository(commits: Record<string, Record<string, string>> = { c1: base, c2: base }) {
  const folder = (commit: string): NamespaceFolder | null => {
    const files = commits[commit];
    if (!files) return null;
    return { record: parseNamespace({ files, profile, clusterDomain: DOMAIN, name: "orders-dev" }), files: new Map(Object.entries(files)) };
  };
  return folder;
}

function setup(options: { commits?: Record<string, Record<string, string>>; workloads?: NamespaceWorkloads; rows?: ReturnType<typeof requestRow>[] } = {}) {
  const folder = repository(options.commits);
  const record: NamespaceRecord = folder("c2")!.record;
  const requests = fakeRequestDb(options.rows ?? []);
  const provider = {
    kind: "local" as const,
    openPullRequest: vi.fn<GitProvider["openPullRequest"]>(async () => ({ number: null, url: null, headRepo: null, headSha: "h" })),
  };
  const deps: EditDeps = {
    profile,
    operations: fakeEditOperations,
    snapshot: { commit: "c2", find: (cluster, name) => (cluster === "live" && name === "orders-dev" ? record : undefined) },
    loadFolder: async (commit) => folder(commit),
    readFile: async (commit, path) => folder(commit)?.files.get(path.slice(PATH.length + 1)) ?? null,
    activeRequests: async () => [...requests.requests.values()].map((r) => ({ id: r.id, paths: (r.files as { path: string }[]).map((f) => f.path) })),
    workloads: () => options.workloads ?? { known: true, deployments: 0, pods: 0 },
    context: { now: new Date("2026-06-01T00:00:00Z") },
  };
  const submitDeps = { ...deps, db: requests.db, provider, draft: { labels: ["berth"], reviewerTeams: [], publicUrl: null }, log: testLogger() };
  return { requests, provider, deps, submitDeps };
}

const slack = (slackChannel: unknown, extra: Record<string, unknown> = {}) => ({
  cluster: "live",
  namespace: "orders-dev",
  operation: "metadata",
  answers: { slackChannel },
  ...extra,
});

describe("prepareEditRequest", () => {
  it("previews exactly the changed file with a unified diff, the checks and the forecast, at the indexed commit", async () => {
    const { deps } = setup();
    const preview = await prepareEditRequest(roles.owner, slack("orders-alerts"), deps);
    expect(preview.fields).toEqual({});
    expect(preview.baseCommit).toBe("c2");
    expect(preview.files.map((f) => f.path)).toEqual([`${PATH}/00-namespace.yaml`]);
    const [file] = preview.files;
    expect(file!.previous).toBe(base["00-namespace.yaml"]);
    expect(file!.diff).toContain(`--- a/${PATH}/00-namespace.yaml`);
    expect(file!.diff).toMatch(/^- {4}cloud-platform\.justice\.gov\.uk\/slack-channel: "orders-dev-dev"$/m);
    expect(file!.diff).toMatch(/^\+ {4}cloud-platform\.justice\.gov\.uk\/slack-channel: "orders-alerts"$/m);
    expect(preview.checks.map((c) => c.id)).toContain(profile.policy.checkIds.namespacePolicy);
    expect(preview.review?.approvers.length).toBeGreaterThan(0);
  });

  it("names the field of bad answers, an unknown operation and answers that change nothing; refuses outsiders", async () => {
    const { deps } = setup();
    expect((await prepareEditRequest(roles.owner, slack("Not A Channel"), deps)).fields).toEqual({ slackChannel: "Use lower-case letters, digits and dashes" });
    expect((await prepareEditRequest(roles.owner, { ...slack("x"), operation: "rename" }, deps)).fields).toHaveProperty("operation");
    expect((await prepareEditRequest(roles.owner, { ...slack("x"), operation: "access" }, deps)).fields).toEqual({
      operation: "The access edit is not available yet",
    });
    expect((await prepareEditRequest(roles.owner, slack("orders-dev-dev"), deps)).fields).toEqual({ answers: "These answers change nothing" });
    await expect(prepareEditRequest(roles.member, slack("x"), deps)).rejects.toMatchObject({ code: "forbidden" });
    await expect(prepareEditRequest(roles.owner, { ...slack("x"), namespace: "nope" }, deps)).rejects.toMatchObject({ code: "not_found" });
    // A reviewer outside the owning team may ask too.
    expect((await prepareEditRequest(roles.reviewer, slack("orders-alerts"), deps)).files).toHaveLength(1);
  });

  it("tells of other open requests touching the same files", async () => {
    const { deps } = setup({ rows: [requestRow("other", { namespace: "orders-dev", files: [{ path: `${PATH}/00-namespace.yaml`, content: "x" }] })] });
    expect((await prepareEditRequest(roles.owner, slack("orders-alerts"), deps)).overlaps).toEqual([{ id: "other", paths: [`${PATH}/00-namespace.yaml`] }]);
  });

  it("accepts a form built on an older commit when main did not change the edit, and refuses it when it did", async () => {
    const moved = { c1: base, c2: { ...base, "00-namespace.yaml": base["00-namespace.yaml"]!.replace('"orders-dev-dev"', '"orders-team"') } };
    expect((await prepareEditRequest(roles.owner, slack("orders-alerts", { baseCommit: "c1" }), setup().deps)).fields).toEqual({});
    // Main moved elsewhere in the same file: the change itself is the same, so it is taken on the new main.
    const beside = { c1: base, c2: { ...base, "00-namespace.yaml": `# owned by orders\n${base["00-namespace.yaml"]}` } };
    const taken = await prepareEditRequest(roles.owner, slack("orders-alerts", { baseCommit: "c1" }), setup({ commits: beside }).deps);
    expect(taken.fields).toEqual({});
    expect(taken.files[0]!.content).toMatch(/^# owned by orders\n/);
    expect((await prepareEditRequest(roles.owner, slack("orders-alerts", { baseCommit: "c1" }), setup({ commits: moved }).deps)).fields).toHaveProperty(
      "baseCommit",
    );
    // An edit that no longer applies on the new main is the operation's field error.
    const gone = { c1: base, c2: { ...base, "00-namespace.yaml": base["00-namespace.yaml"]!.replace(/.*slack-channel.*\n/, "") } };
    expect((await prepareEditRequest(roles.owner, slack("orders-alerts", { baseCommit: "c1" }), setup({ commits: gone }).deps)).fields).toEqual({
      slackChannel: "The namespace has no slack-channel annotation to change",
    });
  });

  it("flags a change of is-production for review", async () => {
    const flip = {
      ...fakeEditOperations.metadata!,
      apply: (folder: NamespaceFolder) => ({
        ok: true as const,
        notes: [],
        files: [
          { path: `${PATH}/00-namespace.yaml`, content: folder.files.get("00-namespace.yaml")!.replace('is-production: "false"', 'is-production: "true"') },
        ],
      }),
    };
    const { deps } = setup();
    const preview = await prepareEditRequest(roles.owner, slack("x"), { ...deps, operations: { metadata: flip } });
    expect(preview.review?.reasons).toContain("The namespace's is-production changes from false to true: flagged for review");
    expect(preview.review?.flags.production).toBe(true);
  });

  it("refuses a decommission while the cluster runs workloads unless the requester confirms, then flags it for reviewers", async () => {
    const body = { cluster: "live", namespace: "orders-dev", operation: "decommission", answers: { confirm: "orders-dev" } };
    const running = setup({ workloads: { known: true, deployments: 1, pods: 2 } }).deps;
    expect((await prepareEditRequest(roles.owner, body, running)).fields.confirmWorkloads).toMatch(/still runs 1 deployment\(s\) and 2 pod\(s\)/);
    const confirmed = await prepareEditRequest(roles.owner, { ...body, confirmWorkloads: true }, running);
    expect(confirmed.fields).toEqual({});
    expect(confirmed.flags).toEqual([expect.stringMatching(/confirmed by the requester while the cluster still runs/)]);
    expect(confirmed.review?.reasons).toContain(confirmed.flags[0]);
    expect(confirmed.files.every((f) => f.content === null && f.diff.includes("+++ /dev/null"))).toBe(true);
  });
});

describe("prepareEditRequest with the real operations", () => {
  it("changes the Slack channel in place and refuses removing the last admin team, naming the field", async () => {
    const { deps } = setup();
    const real = { ...deps, operations: editOperations };
    const preview = await prepareEditRequest(roles.owner, slack("orders-alerts"), real);
    expect(preview.fields).toEqual({});
    expect(preview.files.map((f) => f.path)).toEqual([`${PATH}/00-namespace.yaml`]);
    expect(preview.files[0]!.diff.split("\n").filter((l) => /^[-+][^-+]/.test(l))).toEqual([
      '-    cloud-platform.justice.gov.uk/slack-channel: "orders-dev-dev"',
      '+    cloud-platform.justice.gov.uk/slack-channel: "orders-alerts"',
    ]);
    const last = await prepareEditRequest(
      roles.owner,
      { cluster: "live", namespace: "orders-dev", operation: "access", answers: { remove: ["team-a"] } },
      real,
    );
    expect(last.fields.remove).toMatch(/team-a/);
    expect(last.files).toEqual([]);
  });
});

describe("an added admin team must exist in the organisation (GitHub)", () => {
  const add = (teams: string[]) => ({ cluster: "live", namespace: "orders-dev", operation: "access", answers: { add: teams } });
  const directory = (known: string[]) => ({ org: "acme", teamExists: vi.fn(async (slug: string) => known.includes(slug)) });

  it("refuses an unknown team on add with a 422 naming it, writing nothing; a known one goes through", async () => {
    const { deps, requests, provider, submitDeps } = setup();
    const teams = directory(["team-b"]);
    const real = { ...deps, operations: editOperations, teams };
    const refused = await prepareEditRequest(roles.owner, add(["team-b", "ghost-team"]), real);
    expect(refused.fields).toEqual({ add: "The acme organisation has no GitHub team ghost-team" });
    expect(refused.files).toEqual([]);
    expect(teams.teamExists.mock.calls.map(([slug]) => slug).sort()).toEqual(["ghost-team", "team-b"]);
    await expect(submitEditRequest(roles.owner, add(["ghost-team"]), { ...submitDeps, operations: editOperations, teams })).rejects.toMatchObject({
      code: "invalid_input",
      fields: { add: expect.stringContaining("ghost-team") },
    });
    expect(requests.requests.size).toBe(0);
    expect(provider.openPullRequest).not.toHaveBeenCalled();

    const accepted = await prepareEditRequest(roles.owner, add(["team-b"]), real);
    expect(accepted.fields).toEqual({});
    expect(accepted.files.map((f) => f.path)).toEqual([`${PATH}/01-rbac.yaml`]);
  });

  it("asks nothing with the local provider (no directory) or for other operations", async () => {
    const { deps } = setup();
    expect((await prepareEditRequest(roles.owner, add(["ghost-team"]), { ...deps, operations: editOperations, teams: null })).fields).toEqual({});
    const teams = directory([]);
    expect((await prepareEditRequest(roles.owner, slack("orders-alerts"), { ...deps, teams })).fields).toEqual({});
    expect(teams.teamExists).not.toHaveBeenCalled();
  });
});

describe("submitEditRequest", () => {
  it("records an edit request and opens one pull request with exactly the previewed files, deletions included", async () => {
    const { requests, provider, submitDeps } = setup();
    const body = { cluster: "live", namespace: "orders-dev", operation: "remove", answers: { names: ["sqs"] }, baseCommit: "c2" };
    const { id } = await submitEditRequest(roles.owner, body, submitDeps);
    expect(requests.requests.get(id)).toMatchObject({
      kind: "edit",
      state: "pr_open",
      team: "team-a",
      answers: { operation: "remove", answers: { names: ["sqs"] }, baseCommit: "c2" },
    });
    const draft = provider.openPullRequest.mock.calls[0]![0];
    expect(draft.files).toEqual([{ path: `${PATH}/resources/sqs.tf`, content: null }]);
    expect(draft.branch).toBe(`berth/edit-remove-orders-dev-${id}`);
    expect(draft.body).toContain(`delete \`${PATH}/resources/sqs.tf\``);
  });

  it("writes nothing for bad input", async () => {
    const { requests, provider, submitDeps } = setup();
    await expect(submitEditRequest(roles.owner, slack("Bad"), submitDeps)).rejects.toMatchObject({
      code: "invalid_input",
      fields: { slackChannel: expect.any(String) },
    });
    expect(requests.requests.size).toBe(0);
    expect(provider.openPullRequest).not.toHaveBeenCalled();
  });

  it("stores a two-step removal's follow-up, takes it only once the first step is applied, and links both requests", async () => {
    const { requests, submitDeps } = setup();
    const body = { cluster: "live", namespace: "orders-dev", operation: "remove", answers: { names: ["db"] } };
    const { id: first } = await submitEditRequest(roles.owner, body, submitDeps);
    expect(requests.requests.get(first)!.answers).toMatchObject({ followUp: { operation: "remove", answers: { names: ["db"] } } });
    await expect(submitEditRequest(roles.owner, { ...body, after: first }, submitDeps)).rejects.toMatchObject({
      fields: { after: expect.stringMatching(/not applied yet/) },
    });
    requests.requests.get(first)!.state = "applied";
    const { id: second } = await submitEditRequest(roles.owner, { ...body, after: first }, submitDeps);
    expect(requests.requests.get(first)!.answers).toMatchObject({ next: second });
    expect(requests.requests.get(second)!.answers).toMatchObject({ after: first });
    await expect(submitEditRequest(roles.owner, { ...body, after: first }, submitDeps)).rejects.toMatchObject({
      fields: { after: expect.stringMatching(/already request/) },
    });
  });
});
