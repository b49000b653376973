import { escapeYaml, yamlScalar } from "./escape-yaml";
import type { NamespaceRequest } from "../requests/namespace-request";
import type { PlatformProfile } from "../profile/profile";
import { renderRoleBinding } from "./render-role-binding";

/** A label or annotation key: plain when it is a usual `prefix/name`, quoted otherwise. */
function key(value: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(value) ? value : escapeYaml(value);
}

/**
 * The standard manifests of a new namespace folder (00- to 04-), keyed by
 * path relative to the folder. Every value that comes from the request or
 * the profile is written through escapeYaml/yamlScalar.
 */
export function renderNamespaceYaml(request: NamespaceRequest, profile: PlatformProfile): Record<string, string> {
  const p = profile.labelPrefix;
  const t = profile.namespaceTemplate;
  const ns = yamlScalar(request.name);
  const entry = (name: string, value: string) => `    ${key(`${p}/${name}`)}: ${escapeYaml(value)}\n`;
  const networkPolicy = (name: string, from: string) => `kind: NetworkPolicy
apiVersion: networking.k8s.io/v1
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  podSelector: {}
  policyTypes:
    - Ingress
  ingress:
    - from:
${from}`;
  const ingressLabels = Object.entries(t.ingressControllerLabels)
    .map(([k, v]) => `              ${key(k)}: ${yamlScalar(v)}\n`)
    .join("");
  return {
    "00-namespace.yaml":
      `apiVersion: v1
kind: Namespace
metadata:
  name: ${ns}
  labels:
` +
      entry("is-production", String(request.isProduction)) +
      entry("environment-name", request.environment) +
      "    pod-security.kubernetes.io/enforce: restricted\n  annotations:\n" +
      entry("business-unit", request.businessUnit) +
      entry("slack-channel", request.slackChannel) +
      entry("application", request.application) +
      entry("owner", `${request.ownerName}: ${request.ownerEmail}`) +
      entry("source-code", request.sourceCode) +
      entry("team-name", request.team) +
      entry("review-after", request.reviewAfter),
    "01-rbac.yaml": renderRoleBinding(`${request.name}-admin`, request.name, [request.team]),
    "02-limitrange.yaml": `apiVersion: v1
kind: LimitRange
metadata:
  name: limitrange
  namespace: ${ns}
spec:
  limits:
    - default:
        cpu: ${yamlScalar(t.limitRange.defaultCpu)}
        memory: ${yamlScalar(t.limitRange.defaultMemory)}
      defaultRequest:
        cpu: ${yamlScalar(t.limitRange.defaultRequestCpu)}
        memory: ${yamlScalar(t.limitRange.defaultRequestMemory)}
      type: Container
`,
    "03-resourcequota.yaml": `apiVersion: v1
kind: ResourceQuota
metadata:
  name: namespace-quota
  namespace: ${ns}
spec:
  hard:
    pods: ${escapeYaml(String(t.podsQuota))}
`,
    "04-networkpolicy.yaml":
      networkPolicy("default", "        - podSelector: {}\n") +
      "---\n" +
      networkPolicy("allow-ingress-controllers", `        - namespaceSelector:\n            matchLabels:\n${ingressLabels}`),
  };
}
