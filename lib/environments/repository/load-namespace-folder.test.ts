import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cloudPlatformProfile as profile } from "../profile/profile";
import { cloudPlatformNamespace, moduleBlock } from "../testing/cloud-platform-namespace";
import { createTestRepo, type TestRepo } from "../testing/git-repo";
import { loadNamespaceFolder } from "./load-namespace-folder";

const LIVE = "live.cloud-platform.service.justice.gov.uk";
const at = { clusterDomain: LIVE, name: "alpha", path: `namespaces/${LIVE}/alpha` };
const folder = (files: Record<string, string | Buffer | null>) => Object.fromEntries(Object.entries(files).map(([rel, text]) => [`${at.path}/${rel}`, text]));

describe("loadNamespaceFolder", () => {
  let repo: TestRepo;
  let first: string;
  let second: string;

  beforeAll(() => {
    repo = createTestRepo();
    first = repo.commit(
      folder({
        ...cloudPlatformNamespace("alpha", { teams: ["a1"], resources: { "sqs.tf": moduleBlock("q", "sqs", "5.1.2") } }),
        "logo.png": Buffer.from([137, 80, 0, 1]),
      }),
    );
    second = repo.commit(folder({ ...cloudPlatformNamespace("alpha", { teams: ["a1", "a2"] }), "resources/sqs.tf": null }));
  });
  afterAll(() => repo.remove());

  it("reads every text file and the record of the folder at the given commit, not the head", async () => {
    const loaded = (await loadNamespaceFolder(repo.dir, first, at, profile))!;
    expect(loaded.files.get("resources/sqs.tf")).toContain('module "q"');
    expect(loaded.files.has("logo.png")).toBe(false);
    expect(loaded.record.teams).toEqual(["a1"]);
    expect(loaded.record.modules.map((m) => m.name)).toEqual(["q"]);
    const later = (await loadNamespaceFolder(repo.dir, second, at, profile))!;
    expect(later.files.has("resources/sqs.tf")).toBe(false);
    expect(later.record.teams).toEqual(["a1", "a2"]);
  });

  it("is null for a folder the commit does not hold (and does not match a longer name's folder)", async () => {
    expect(await loadNamespaceFolder(repo.dir, first, { ...at, name: "alph", path: `namespaces/${LIVE}/alph` }, profile)).toBeNull();
  });
});
