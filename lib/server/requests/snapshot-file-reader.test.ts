import { afterAll, describe, expect, it } from "vitest";
import { cloudPlatformProfile } from "@/lib/environments/profile/profile";
import { createTestRepo } from "@/lib/environments/testing/git-repo";
import { namespaceRecord } from "@/lib/environments/testing/namespace-record";
import type { InventorySnapshot } from "../inventory-store";
import { snapshotFileReader } from "./snapshot-file-reader";

const repo = createTestRepo();
afterAll(() => repo.remove());
const folder = namespaceRecord("listed").path;
const commit = repo.commit({
  CODEOWNERS: "* @org/webops\n",
  [`${folder}/01-rbac.yaml`]: "kind: RoleBinding\n",
  // In git but not in the index's record: the reader trusts the index, so this proves git was not asked.
  [`${folder}/unlisted.yaml`]: "kind: ConfigMap\n",
});
const record = namespaceRecord("listed", { files: ["01-rbac.yaml"] });
const snapshot = (): InventorySnapshot => ({ commit, indexedAt: new Date(), namespaces: [record], find: () => record });

describe("snapshotFileReader", () => {
  it("reads listed files and files outside the namespaces folder from the commit", async () => {
    const read = snapshotFileReader(repo.dir, snapshot(), cloudPlatformProfile);
    expect(await read(`${folder}/01-rbac.yaml`)).toBe("kind: RoleBinding\n");
    expect(await read("CODEOWNERS")).toBe("* @org/webops\n");
    expect(await read("docs/CODEOWNERS")).toBeNull();
  });

  it("answers null for a namespace folder's file the index does not list, without asking git", async () => {
    const read = snapshotFileReader(repo.dir, snapshot(), cloudPlatformProfile);
    expect(await read(`${folder}/unlisted.yaml`)).toBeNull();
    expect(await read(`${namespaceRecord("new-one").path}/01-rbac.yaml`)).toBeNull();
  });

  it("keeps answers with their snapshot: a second read of the same snapshot is the same answer, a new snapshot reads again", async () => {
    const first = snapshot();
    const a = snapshotFileReader(repo.dir, first, cloudPlatformProfile)("CODEOWNERS");
    expect(snapshotFileReader(repo.dir, first, cloudPlatformProfile)("CODEOWNERS")).toBe(a);
    expect(snapshotFileReader(repo.dir, snapshot(), cloudPlatformProfile)("CODEOWNERS")).not.toBe(a);
    expect(await a).toBe("* @org/webops\n");
  });
});
