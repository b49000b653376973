import { describe, expect, it } from "vitest";
import { loadProfile } from "../profile/profile";
import { checkClaimedNamespace, type ClusterNamespaces } from "./claimed-namespace";

const profile = loadProfile(undefined);
const synced = (cluster: string, names: string[]): ClusterNamespaces => ({ cluster, names: new Set(names), current: true });

describe("checkClaimedNamespace", () => {
  const clusters = [synced("live", ["default", "kube-system", "orphan-app", "cert-manager"]), synced("live-2", ["other-orphan"])];

  it("accepts a name no cluster runs, with every cluster known", () => {
    expect(checkClaimedNamespace("orders-dev", profile, clusters)).toEqual({ error: null, unknownClusters: [] });
  });

  it.each([
    ["kube-anything", /reserved for Kubernetes/],
    ["kube-system", /reserved for Kubernetes/],
    ["default", /platform's own namespaces/],
    ["cert-manager", /platform's own namespaces/],
    ["orphan-app", /already exists in cluster live, though no folder/],
    ["other-orphan", /already exists in cluster live-2/],
  ])("refuses %s, saying why", (name, why) => {
    expect(checkClaimedNamespace(name, profile, clusters).error).toMatch(why);
  });

  it("refuses names the profile reserves even when no cluster is known", () => {
    expect(checkClaimedNamespace("ingress-controllers", profile, []).error).toMatch(/platform's own/);
  });

  it("names clusters whose state is not current, and still refuses what their last data shows", () => {
    const check = checkClaimedNamespace("orphan-app", profile, [
      { cluster: "live", names: new Set(["orphan-app"]), current: false },
      { cluster: "live-2", names: null, current: false },
    ]);
    expect(check.unknownClusters).toEqual(["live", "live-2"]);
    expect(check.error).toMatch(/already exists in cluster live/);
    expect(checkClaimedNamespace("new-app", profile, [{ cluster: "live-2", names: null, current: false }])).toEqual({
      error: null,
      unknownClusters: ["live-2"],
    });
  });
});
