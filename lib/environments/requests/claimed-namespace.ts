import type { PlatformProfile } from "../profile/profile";

/** What Berth knows of one profile cluster's namespaces when a request is checked. */
export interface ClusterNamespaces {
  cluster: string;
  /** The namespaces the cluster last reported; null when Berth has never had its data (connecting, not configured). */
  names: ReadonlySet<string> | null;
  /** Whether that data is current (the cluster's watch is synced). */
  current: boolean;
}

export interface ClaimCheck {
  /** Why the name cannot be requested, for the `name` field; null when it may be. */
  error: string | null;
  /** Clusters whose namespaces were not known for certain: the name might exist there, which a reviewer must check. */
  unknownClusters: string[];
}

function isSystemNamespace(name: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => (pattern.endsWith("*") ? name.startsWith(pattern.slice(0, -1)) : name === pattern));
}

/**
 * Note: a namespace the repository does not define may still exist in a
 * cluster (`default`, `kube-system`, the platform's own, orphans). A request
 * for it passes every repository check, and once merged the requesting team
 * would own the live namespace: its secrets' keys, its events and, in
 * production, its admin RoleBinding. So a name is refused when it starts with
 * `kube-` (Kubernetes reserves the prefix), matches the profile's
 * systemNamespaces, or exists in any cluster Berth has data for. Clusters
 * whose state is not current are returned so reviewers see the flag.
 */
export function checkClaimedNamespace(name: string, profile: Pick<PlatformProfile, "systemNamespaces">, clusters: readonly ClusterNamespaces[]): ClaimCheck {
  const unknownClusters = clusters.filter((c) => !c.current || c.names === null).map((c) => c.cluster);
  if (name.startsWith("kube-")) return { error: `names starting with kube- are reserved for Kubernetes itself`, unknownClusters };
  if (isSystemNamespace(name, profile.systemNamespaces)) {
    return { error: `${name} is one of the platform's own namespaces (the profile's systemNamespaces); choose another name`, unknownClusters };
  }
  const live = clusters.find((c) => c.names?.has(name));
  if (live) {
    return {
      error: `a namespace named ${name} already exists in cluster ${live.cluster}, though no folder in the repository defines it; a request cannot take over a live namespace`,
      unknownClusters,
    };
  }
  return { error: null, unknownClusters };
}
