import { describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-db";
import { cloudPlatformProfile as profile } from "@/lib/environments/profile/profile";
import type { ClusterNamespaces } from "@/lib/environments/requests/claimed-namespace";
import { namespaceRequestFixture } from "@/lib/environments/testing/namespace-request-fixture";
import { inventorySnapshot } from "../testing/fake-services";
import { prepareNamespaceRequest } from "./prepare-namespace-request";

const alice: Viewer = { sessionId: "s", login: "alice", name: "alice", kind: "github", teams: ["orders-team"], reviewer: false };
/** No active requests: only the name checks against clusters are under test. */
const db = { request: { findFirst: async () => null } } as unknown as Db;
const synced = (cluster: string, names: string[]): ClusterNamespaces => ({ cluster, names: new Set(names), current: true });

function answers(name: string) {
  return namespaceRequestFixture({
    name,
    application: "Orders service",
    team: "orders-team",
    slackChannel: "#orders",
    ownerName: "Orders Team",
    ownerEmail: "orders@example.gov.uk",
    sourceCode: "https://github.com/ministryofjustice/orders",
  });
}

const prepare = (name: string, clusters?: ClusterNamespaces[]) =>
  prepareNamespaceRequest(alice, answers(name), { db, profile, snapshot: inventorySnapshot([]), clusters });

describe("prepareNamespaceRequest: names a cluster already runs", () => {
  const bothSynced = [synced("live", ["default", "kube-system", "cert-manager", "orphan-app"]), synced("live-2", [])];

  it.each([
    ["kube-system", /reserved for Kubernetes/],
    ["kube-new", /reserved for Kubernetes/],
    ["default", /platform's own namespaces/],
    ["cert-manager", /platform's own namespaces/],
    ["orphan-app", /already exists in cluster live/],
  ])("refuses %s with a field error on name", async (name, why) => {
    expect((await prepare(name, bothSynced)).fields.name).toMatch(why);
  });

  it("accepts a free name without a flag when every cluster is synced", async () => {
    const prepared = await prepare("orders-dev", bothSynced);
    expect(prepared.fields).toEqual({});
    expect(prepared.review?.flags.clusterStateUnknown).toBe(false);
  });

  it("flags the review when a cluster's state was unknown at submit", async () => {
    const prepared = await prepare("orders-dev", [synced("live", []), { cluster: "live-2", names: null, current: false }]);
    expect(prepared.fields).toEqual({});
    expect(prepared.review?.flags.clusterStateUnknown).toBe(true);
    expect((await prepare("orders-dev")).review?.flags.clusterStateUnknown).toBe(true);
  });
});

describe("prepareNamespaceRequest: the server's clock", () => {
  it("refuses a review-after date before the injected today, and writes no files for it", async () => {
    const input = { ...answers("orders-dated"), reviewAfter: "2026-12-04" };
    const past = await prepareNamespaceRequest(alice, input, { db, profile, snapshot: inventorySnapshot([]), today: "2026-12-05" });
    expect(past.fields.reviewAfter).toMatch(/in the past: choose 2026-12-05 or later/);
    expect(past.files).toEqual([]);
    const current = await prepareNamespaceRequest(alice, input, { db, profile, snapshot: inventorySnapshot([]), today: "2026-12-04" });
    expect(current.fields.reviewAfter).toBeUndefined();
  });
});
