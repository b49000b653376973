import { describe, expect, it } from "vitest";
import { z } from "zod";
import { postgresTestDatabase } from "@/lib/db/testing/postgres-test-database";
import type { NamespaceFolder } from "@/lib/environments/edit/edit-operation";
import { parseNamespace } from "@/lib/environments/repository/parse-namespace";
import { cloudPlatformNamespace } from "@/lib/environments/testing/cloud-platform-namespace";
import { fakeEditOperations } from "../testing/fake-edit-operations";
import { inventorySnapshot, profile, roles } from "../testing/fake-services";
import { listReviewQueue } from "../requests/list-review-queue";
import { createCampaign } from "./create-campaign";
import { getCampaign } from "./get-campaign";
import type { CampaignPreviewDeps } from "./prepare-campaign";
import { previewCampaignDiff } from "./preview-campaign-diff";
import { previewCampaignTargets } from "./preview-campaign-targets";

/**
 * Preview, diff and create over three namespaces (the fake "metadata" edit
 * rewrites the slack-channel annotation): one already has the channel
 * (skipped), one has no annotation (refused), one changes.
 */
const db = postgresTestDatabase("campaigns_create");
const DOMAIN = "live.cloud-platform.service.justice.gov.uk";
const folders = new Map<string, NamespaceFolder>();
for (const [name, edit] of [
  ["alpha-dev", (t: string) => t],
  ["beta-dev", (t: string) => t.replace('"beta-dev-dev"', '"team-alerts"')],
  ["gamma-dev", (t: string) => t.replace(/.*slack-channel.*\n/, "")],
] as const) {
  const files = cloudPlatformNamespace(name, { teams: ["team-a"] });
  files["00-namespace.yaml"] = edit(files["00-namespace.yaml"]!);
  folders.set(name, { record: parseNamespace({ files, profile, clusterDomain: DOMAIN, name }), files: new Map(Object.entries(files)) });
}
const snapshot = inventorySnapshot([...folders.values()].map((f) => f.record));
const deps = (): CampaignPreviewDeps & { db: ReturnType<typeof db>; readFile: () => Promise<null> } => ({
  db: db(),
  profile,
  operations: fakeEditOperations,
  snapshot,
  loadFolder: async (_commit, record) => folders.get(record.name) ?? null,
  readFile: async () => null,
  context: { now: new Date("2026-12-05T00:00:00Z") },
  today: "2026-12-05",
});
const body = { operation: "metadata", answers: { slackChannel: "team-alerts" }, filter: { team: "team-a" } };

describe("campaign preview and create", () => {
  it("previews per namespace: change with its files, skip with why, error with the edit's errors", async () => {
    const preview = await previewCampaignTargets(roles.reviewer, body, deps());
    expect(preview).toEqual({
      commit: snapshot.commit,
      total: 3,
      change: 1,
      skip: 1,
      error: 1,
      blocks: null,
      targets: [
        { cluster: "live", namespace: "alpha-dev", outcome: "change", files: [{ path: `${folders.get("alpha-dev")!.record.path}/00-namespace.yaml` }] },
        { cluster: "live", namespace: "beta-dev", outcome: "skip", reason: "nothing to change" },
        { cluster: "live", namespace: "gamma-dev", outcome: "error", errors: { slackChannel: "The namespace has no slack-channel annotation to change" } },
      ],
    });
    const diff = await previewCampaignDiff(roles.reviewer, { ...body, cluster: "live", namespace: "alpha-dev" }, deps());
    expect(diff.files[0]!.diff).toMatch(/^\+ {4}cloud-platform\.justice\.gov\.uk\/slack-channel: "team-alerts"$/m);
    await expect(previewCampaignDiff(roles.reviewer, { ...body, cluster: "live", namespace: "nope" }, deps())).rejects.toMatchObject({ code: "not_found" });
  });

  it("counts the blocks changed when the edit counts them", async () => {
    const bump = {
      name: "bump-module" as const,
      answersSchema: z.object({}),
      apply: (folder: NamespaceFolder) =>
        folder.record.name === "gamma-dev"
          ? { ok: true as const, files: [], notes: ["already at 9.2.0"] }
          : {
              ok: true as const,
              files: [{ path: `${folder.record.path}/resources/rds.tf`, content: "x" }],
              notes: [],
              blocks: folder.record.name === "alpha-dev" ? 2 : 1,
            },
    };
    const preview = await previewCampaignTargets(
      roles.reviewer,
      { operation: "bump-module", answers: {}, filter: body.filter },
      { ...deps(), operations: { "bump-module": bump } },
    );
    expect(preview).toMatchObject({ change: 2, skip: 1, blocks: 3 });
    expect(preview.targets.map((t) => t.blocks)).toEqual([2, 1, undefined]);
  });

  it("only platform reviewers preview and start; bad input is a 422 naming the field, with nothing written", async () => {
    for (const who of [roles.member, roles.owner]) {
      await expect(previewCampaignTargets(who, body, deps())).rejects.toMatchObject({ code: "forbidden" });
      await expect(createCampaign(who, { ...body, title: "t", prsPerMinute: 1 }, deps())).rejects.toMatchObject({ code: "forbidden" });
    }
    await expect(previewCampaignTargets(null, body, deps())).rejects.toMatchObject({ code: "unauthenticated" });
    const refused = async (input: unknown) =>
      createCampaign(roles.reviewer, input, deps()).then(
        () => ({}),
        (error: { code: string; fields?: Record<string, string> }) => (error.code === "invalid_input" ? error.fields! : { code: error.code }),
      );
    expect(Object.keys(await refused({}))).toEqual(expect.arrayContaining(["operation", "title", "prsPerMinute"]));
    expect(await refused({ ...body, title: "t", prsPerMinute: 0 })).toHaveProperty("prsPerMinute");
    expect(await refused({ ...body, title: "t", prsPerMinute: "ten" })).toHaveProperty("prsPerMinute");
    expect(await refused({ ...body, title: "  ", prsPerMinute: 1 })).toHaveProperty("title");
    expect(await refused({ ...body, operation: "rename", title: "t", prsPerMinute: 1 })).toEqual({ operation: "There is no rename edit" });
    expect(await refused({ ...body, operation: "toString", title: "t", prsPerMinute: 1 })).toEqual({ operation: "There is no toString edit" });
    expect(await refused({ ...body, answers: { slackChannel: "Not Valid" }, title: "t", prsPerMinute: 1 })).toEqual({
      "answers.slackChannel": "Use lower-case letters, digits and dashes",
    });
    expect(await refused({ ...body, filter: { team: 3 }, title: "t", prsPerMinute: 1 })).toHaveProperty(["filter.team"]);
    expect(await refused({ ...body, filter: { team: "nobody" }, title: "t", prsPerMinute: 1 })).toEqual({
      filter: "The edit changes none of the namespaces this filter selects",
    });
    expect(await db().campaign.count()).toBe(0);
    expect(await db().campaignTarget.count()).toBe(0);
  });

  it("stores the change as pending and the others as skipped with why; the review queue names a campaign's requests", async () => {
    const { id } = await createCampaign(roles.reviewer, { ...body, title: "Alerts", prsPerMinute: 4 }, deps());
    const detail = await getCampaign(db(), roles.member, id);
    expect(detail.campaign).toMatchObject({
      id,
      title: "Alerts",
      operation: "metadata",
      answers: { slackChannel: "team-alerts" },
      filter: { team: "team-a" },
      prsPerMinute: 4,
      state: "running",
      createdBy: "rita",
    });
    expect(detail.counts).toEqual({ notOpened: 1, opened: 0, approved: 0, merged: 0, applied: 0, failed: 0, skipped: 2, cancelled: 0, closed: 0 });
    expect(detail.targets).toEqual([
      { cluster: "live", namespace: "alpha-dev", state: "pending", requestId: null, requestState: null, prUrl: null, reason: null, attempts: 0 },
      { cluster: "live", namespace: "beta-dev", state: "skipped", requestId: null, requestState: null, prUrl: null, reason: "nothing to change", attempts: 0 },
      {
        cluster: "live",
        namespace: "gamma-dev",
        state: "skipped",
        requestId: null,
        requestState: null,
        prUrl: null,
        reason: "slackChannel: The namespace has no slack-channel annotation to change",
        attempts: 0,
      },
    ]);
    await expect(getCampaign(db(), roles.member, "nope")).rejects.toMatchObject({ code: "not_found" });
    await expect(getCampaign(db(), null, id)).rejects.toMatchObject({ code: "unauthenticated" });

    const stored = { operation: "metadata", answers: { slackChannel: "team-alerts" }, baseCommit: snapshot.commit };
    await db().request.createMany({
      data: [
        {
          id: "in-campaign",
          campaignId: id,
          kind: "edit",
          state: "pr_open",
          cluster: "live",
          namespace: "alpha-dev",
          team: "team-a",
          requester: "rita",
          answers: stored,
          files: [],
          branch: "b-1",
        },
        {
          id: "on-its-own",
          kind: "edit",
          state: "pr_open",
          cluster: "live",
          namespace: "beta-dev",
          team: "team-a",
          requester: "olly",
          answers: stored,
          files: [],
          branch: "b-2",
        },
      ],
    });
    const queue = await listReviewQueue(db(), roles.reviewer, { team: undefined, businessUnit: undefined }, snapshot, new Date());
    expect(Object.fromEntries(queue.map((item) => [item.id, item.campaign]))).toEqual({ "in-campaign": { id, title: "Alerts" }, "on-its-own": null });
  });
});
