import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bumpModuleOperation } from "../edit/bump-module-operation";
import type { EditOperation } from "../edit/edit-operation";
import { cloudPlatformProfile as profile } from "../profile/profile";
import { buildIndex } from "../repository/build-index";
import { loadNamespaceFolder } from "../repository/load-namespace-folder";
import { loadNamespaceFolders } from "../repository/load-namespace-folders";
import { cloudPlatformNamespace, moduleBlock } from "../testing/cloud-platform-namespace";
import { createTestRepo, type TestRepo } from "../testing/git-repo";
import type { NamespaceRecord } from "../types";
import { previewCampaign } from "./preview-campaign";

const LIVE = "live.cloud-platform.service.justice.gov.uk";
const folder = (name: string, files: Record<string, string>) =>
  Object.fromEntries(Object.entries(files).map(([rel, text]) => [`namespaces/${LIVE}/${name}/${rel}`, text]));

describe("previewCampaign with a module bump", () => {
  let repo: TestRepo;
  let commit: string;
  let targets: NamespaceRecord[];

  beforeAll(async () => {
    repo = createTestRepo();
    commit = repo.commit({
      ...folder("old", cloudPlatformNamespace("old", { resources: { "sqs.tf": moduleBlock("q", "sqs", "5.0.0") + "\n" + moduleBlock("q2", "sqs", "4.0.0") } })),
      ...folder("current", cloudPlatformNamespace("current", { resources: { "sqs.tf": moduleBlock("q", "sqs", "5.1.2") } })),
      ...folder("old-two", cloudPlatformNamespace("old-two", { resources: { "sqs.tf": moduleBlock("q", "sqs", "5.0.0") } })),
    });
    const index = await buildIndex({ repoPath: repo.dir, profile, commit });
    targets = [...index.namespaces.values()];
    // A target the commit no longer holds (a block to move, so its folder is read): its folder is gone.
    targets.push({ ...targets[1]!, name: "gone", path: `namespaces/${LIVE}/gone` });
  });
  afterAll(() => repo.remove());

  const input = () => ({
    targets,
    operation: bumpModuleOperation as EditOperation<unknown>,
    answers: { module: "sqs", version: "5.1.2" },
    profile,
    context: { now: new Date("2026-12-05T00:00:00Z") },
    loadFolder: (r: NamespaceRecord) => loadNamespaceFolder(repo.dir, commit, r, profile),
  });

  it("gives per namespace the change with its block count, or why it is skipped, in the targets' order", async () => {
    const outcomes = await previewCampaign(input());
    expect(outcomes.map((o) => [o.name, o.outcome, o.outcome === "change" ? o.blocks : o.outcome === "skip" ? o.reason : o.errors])).toEqual([
      ["current", "skip", "q (resources/sqs.tf): already at 5.1.2; left as it is"],
      ["old", "change", 2],
      ["old-two", "change", 1],
      ["gone", "skip", "the namespace folder no longer exists"],
    ]);
    const old = outcomes[1]!;
    expect(old.outcome === "change" && old.files[0]!.content).toContain("cloud-platform-terraform-sqs?ref=5.1.2");
  });

  it("reads no folder the records show nothing to change in", async () => {
    const read: string[] = [];
    const outcomes = await previewCampaign({
      ...input(),
      loadFolder: (r: NamespaceRecord) => {
        read.push(r.name);
        return loadNamespaceFolder(repo.dir, commit, r, profile);
      },
    });
    expect(read).toEqual(["old", "old-two", "gone"]);
    expect(outcomes[0]).toEqual({ cluster: "live", name: "current", outcome: "skip", reason: "q (resources/sqs.tf): already at 5.1.2; left as it is" });
  });

  it("answers the same when folders are loaded a batch at a time, with the index's records", async () => {
    const one = await previewCampaign(input());
    let calls = 0;
    const batched = await previewCampaign({
      ...input(),
      loadFolder: () => Promise.reject(new Error("not used when loadFolders is given")),
      loadFolders: (records) => {
        calls++;
        return loadNamespaceFolders(repo.dir, commit, records, profile, { reuseRecords: true });
      },
    });
    expect(batched).toEqual(one);
    expect(calls).toBe(1);
  });
});
