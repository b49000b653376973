import { describe, expect, it } from "vitest";
import { namespaceRecord } from "@/lib/environments/testing/namespace-record";
import { AppError } from "@/lib/errors";
import { getNamespace } from "./get-namespace";
import { fakeInventory, fakeServices, inventorySnapshot, roles } from "./testing/fake-services";

const moduleUse = (name: string, ref: string | null) => ({ name, module: name, source: `github.com/x/${name}`, ref, file: "resources/main.tf" });
const orders = namespaceRecord("orders-dev", {
  reviewAfter: "2026-05-31",
  modules: [moduleUse("sqs", "5.1.2"), moduleUse("rds-instance", "8.0.0"), moduleUse("home-made", "1.0.0")],
});
const deps = fakeServices({ inventory: fakeInventory(inventorySnapshot([orders, namespaceRecord("later", { reviewAfter: "2026-06-01" })])) });

describe("getNamespace", () => {
  it("refuses anonymous viewers and answers not_found for a namespace the index lacks", async () => {
    await expect(getNamespace(deps, null, "live", "orders-dev")).rejects.toMatchObject({ code: "unauthenticated" });
    const missing = await getNamespace(deps, roles.member, "live-2", "orders-dev").catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(AppError);
    expect(missing).toMatchObject({ code: "not_found" });
  });

  it("gives the record at the indexed commit with each module's pin against the catalogue", async () => {
    const detail = await getNamespace(deps, roles.member, "live", "orders-dev");
    expect(detail.namespace).toBe(orders);
    expect(detail.commit).toBe("c0ffee0000000000000000000000000000000000");
    expect(detail.modules.map((m) => [m.module, m.status, m.currentVersion])).toEqual([
      ["sqs", "current", "5.1.2"],
      ["rds-instance", "behind", "9.2.0"],
      ["home-made", "uncatalogued", null],
    ]);
  });

  it("is overdue for review once the clock's day is past reviewAfter", async () => {
    expect((await getNamespace(deps, roles.member, "live", "orders-dev")).reviewOverdue).toBe(true);
    expect((await getNamespace(deps, roles.member, "live", "later")).reviewOverdue).toBe(false);
  });

  it.each([
    ["member", false, false],
    ["owner", true, true],
    ["reviewer", false, true],
  ] as const)("tells a %s whether they own it (%s) and see it in full (%s)", async (role, owner, fullView) => {
    expect(await getNamespace(deps, roles[role], "live", "orders-dev")).toMatchObject({ owner, fullView });
  });
});
