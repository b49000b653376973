import type { NamespaceRecordLive } from "./kinds";

export interface DriftEntry {
  cluster: string;
  namespace: string;
}

export interface Drift {
  /** Defined in the repository, absent from the cluster. */
  missingFromCluster: DriftEntry[];
  /** In the cluster, defined by no repository folder (system namespaces aside). */
  notInRepository: (DriftEntry & { phase: NamespaceRecordLive["phase"]; createdAt: string | null })[];
}

/**
 * Compares what the repository defines with what a cluster runs. Only
 * clusters whose data is known are compared: a cluster still connecting
 * would otherwise report every namespace missing.
 */
export function findDrift(input: {
  repository: readonly DriftEntry[];
  clusters: readonly { name: string; namespaces: ReadonlyMap<string, NamespaceRecordLive> }[];
  systemNamespaces: readonly string[];
}): Drift {
  const drift: Drift = { missingFromCluster: [], notInRepository: [] };
  const isSystem = systemMatcher(input.systemNamespaces);
  for (const cluster of input.clusters) {
    const defined = new Set(input.repository.filter((r) => r.cluster === cluster.name).map((r) => r.namespace));
    for (const namespace of [...defined].sort()) {
      if (!cluster.namespaces.has(namespace)) drift.missingFromCluster.push({ cluster: cluster.name, namespace });
    }
    for (const live of [...cluster.namespaces.values()].sort((a, b) => a.name.localeCompare(b.name))) {
      if (!defined.has(live.name) && !isSystem(live.name)) {
        drift.notInRepository.push({ cluster: cluster.name, namespace: live.name, phase: live.phase, createdAt: live.createdAt });
      }
    }
  }
  return drift;
}

function systemMatcher(patterns: readonly string[]): (name: string) => boolean {
  const exact = new Set(patterns.filter((p) => !p.endsWith("*")));
  const prefixes = patterns.filter((p) => p.endsWith("*")).map((p) => p.slice(0, -1));
  return (name) => exact.has(name) || prefixes.some((prefix) => name.startsWith(prefix));
}
