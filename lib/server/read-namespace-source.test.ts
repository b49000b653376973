import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { namespaceRecord } from "@/lib/environments/testing/namespace-record";
import { createTestRepo, type TestRepo } from "@/lib/environments/testing/git-repo";
import { readNamespaceSource } from "./read-namespace-source";
import { fakeInventory, fakeServices, inventorySnapshot, roles } from "./testing/fake-services";

// Note: the file is read with `git cat-file` at the indexed commit, so the test needs a real (tiny, local) repository.
let repo: TestRepo;
let deps: ReturnType<typeof fakeServices>;
let indexed: string;
const orders = namespaceRecord("orders-dev", { files: ["00-namespace.yaml", "resources/logo.png"] });

beforeAll(() => {
  repo = createTestRepo("berth-source-");
  indexed = repo.commit({
    [`${orders.path}/00-namespace.yaml`]: "kind: Namespace\n",
    [`${orders.path}/resources/logo.png`]: Buffer.from([0x89, 0x50, 0x00, 0x01]),
  });
  repo.commit({ [`${orders.path}/00-namespace.yaml`]: "kind: Namespace # changed after indexing\n", [`${orders.path}/unindexed.tf`]: "x" });
  deps = fakeServices({ env: parseEnv({ BERTH_ENVIRONMENTS_REPO: repo.dir }), inventory: fakeInventory(inventorySnapshot([orders], indexed)) });
});
afterAll(() => repo.remove());

describe("readNamespaceSource", () => {
  it("refuses anonymous viewers", async () => {
    await expect(readNamespaceSource(deps, null, "live", "orders-dev", "00-namespace.yaml")).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("reads a file of the folder at the indexed commit, not the newer head", async () => {
    const source = await readNamespaceSource(deps, roles.member, "live", "orders-dev", "00-namespace.yaml");
    expect(source).toEqual({ path: `${orders.path}/00-namespace.yaml`, commit: indexed, text: "kind: Namespace\n" });
  });

  it("gives no text for a binary file", async () => {
    expect((await readNamespaceSource(deps, roles.member, "live", "orders-dev", "resources/logo.png")).text).toBeNull();
  });

  it.each(["unindexed.tf", "../../../.git/config", "../other-ns/00-namespace.yaml"])(
    "answers not_found for %s, a file the index did not list",
    async (file) => {
      await expect(readNamespaceSource(deps, roles.member, "live", "orders-dev", file)).rejects.toMatchObject({ code: "not_found" });
    },
  );

  it("answers not_found for a namespace the index lacks", async () => {
    await expect(readNamespaceSource(deps, roles.member, "live-2", "orders-dev", "00-namespace.yaml")).rejects.toMatchObject({ code: "not_found" });
  });
});
