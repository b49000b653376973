import { describe, expect, it } from "vitest";
import { findDrift } from "./find-drift";
import type { NamespaceRecordLive } from "./kinds";

const live = (...names: string[]) => new Map<string, NamespaceRecordLive>(names.map((name) => [name, { name, phase: "Active", createdAt: null }]));

describe("findDrift", () => {
  it("lists repository namespaces missing from a cluster and cluster namespaces no folder defines, ignoring system ones", () => {
    const drift = findDrift({
      repository: [
        { cluster: "live", namespace: "team-a" },
        { cluster: "live", namespace: "team-b" },
        { cluster: "live-2", namespace: "team-c" },
      ],
      clusters: [{ name: "live", namespaces: live("team-a", "orphan", "kube-system", "default", "cert-manager") }],
      systemNamespaces: ["default", "kube-*", "cert-manager"],
    });
    expect(drift.missingFromCluster).toEqual([{ cluster: "live", namespace: "team-b" }]);
    expect(drift.notInRepository).toEqual([{ cluster: "live", namespace: "orphan", phase: "Active", createdAt: null }]);
  });

  it("compares only the clusters it is given", () => {
    expect(findDrift({ repository: [{ cluster: "live", namespace: "team-a" }], clusters: [], systemNamespaces: [] })).toEqual({
      missingFromCluster: [],
      notInRepository: [],
    });
  });
});
