import { KubeConfig } from "@kubernetes/client-node";

export type ClusterConfig = { cluster: string; config: KubeConfig; reason?: undefined } | { cluster: string; config: null; reason: string };

/**
 * One KubeConfig per cluster of the profile: in-cluster credentials for the
 * cluster Berth runs in, otherwise the kubeconfig context the profile names
 * (or the cluster's own name). A cluster without either is not configured,
 * which pages show; a kubeconfig that cannot be read is an error at start.
 */
export function loadClusterConfigs(input: {
  clusters: readonly { name: string; kubeContext?: string }[];
  kubeconfigPath?: string;
  inCluster?: string;
}): ClusterConfig[] {
  let file: KubeConfig | null = null;
  if (input.kubeconfigPath) {
    file = new KubeConfig();
    try {
      file.loadFromFile(input.kubeconfigPath);
    } catch (error) {
      throw new Error(`cannot read kubeconfig ${input.kubeconfigPath}: ${(error as Error).message}`);
    }
  }
  return input.clusters.map((cluster) => {
    if (input.inCluster === cluster.name) {
      const config = new KubeConfig();
      config.loadFromCluster();
      return { cluster: cluster.name, config };
    }
    const context = cluster.kubeContext ?? cluster.name;
    if (!file) return { cluster: cluster.name, config: null, reason: "no kubeconfig is configured" };
    if (!file.getContextObject(context)) return { cluster: cluster.name, config: null, reason: `the kubeconfig has no context "${context}"` };
    const config = new KubeConfig();
    config.loadFromOptions({ clusters: file.clusters, users: file.users, contexts: file.contexts, currentContext: context });
    return { cluster: cluster.name, config };
  });
}
