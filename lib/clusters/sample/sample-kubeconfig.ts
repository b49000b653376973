import { stringify } from "yaml";

/**
 * A kubeconfig for the sample server: one cluster, user and context, all
 * named `context`. client-node refuses an http:// server unless it is marked
 * insecure-skip-tls-verify; the sample server has no TLS to verify.
 */
export function sampleKubeconfig({ url, token, context }: { url: string; token: string; context: string }): string {
  return stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: context, cluster: { server: url, "insecure-skip-tls-verify": true } }],
    users: [{ name: context, user: { token } }],
    contexts: [{ name: context, context: { cluster: context, user: context } }],
    "current-context": context,
    preferences: {},
  });
}
