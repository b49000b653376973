import type { PlatformProfile } from "../profile";
import type { SampleNamespace } from "./sample-namespace";

const q = (value: string): string => JSON.stringify(value);

/** The namespace's YAML files, keyed by path relative to its folder. */
export function renderNamespaceManifests(ns: SampleNamespace, profile: PlatformProfile): Record<string, string> {
  const p = profile.labelPrefix;
  const files: Record<string, string> = {
    "00-namespace.yaml": `apiVersion: v1
kind: Namespace
metadata:
  name: ${ns.name}
  labels:
    ${p}/is-production: ${q(String(ns.isProduction))}
    ${p}/environment-name: ${q(ns.environment)}
    pod-security.kubernetes.io/enforce: restricted
  annotations:
    ${p}/business-unit: ${q(ns.businessUnit)}
    ${p}/slack-channel: ${q(ns.slackChannel)}
    ${p}/application: ${q(ns.application)}
    ${p}/owner: ${q(`${ns.team.name}: ${ns.team.email}`)}
    ${p}/source-code: ${q(ns.sourceCode)}
    ${p}/team-name: ${q(ns.team.slug)}
    ${p}/review-after: ${q(ns.reviewAfter)}
`,
    "01-rbac.yaml": roleBinding(`${ns.name}-admin`, ns.name, [ns.team.slug, ...ns.extraTeams.filter((t) => !t.ownFile).map((t) => t.team.slug)]),
    "02-limitrange.yaml": `apiVersion: v1
kind: LimitRange
metadata:
  name: limitrange
  namespace: ${ns.name}
spec:
  limits:
    - default:
        cpu: 1000m
        memory: 1000Mi
      defaultRequest:
        cpu: 10m
        memory: 100Mi
      type: Container
`,
    "03-resourcequota.yaml": `apiVersion: v1
kind: ResourceQuota
metadata:
  name: namespace-quota
  namespace: ${ns.name}
spec:
  hard:
    pods: "50"
`,
    "04-networkpolicy.yaml": `kind: NetworkPolicy
apiVersion: networking.k8s.io/v1
metadata:
  name: default
  namespace: ${ns.name}
spec:
  podSelector: {}
  policyTypes:
    - Ingress
  ingress:
    - from:
        - podSelector: {}
---
kind: NetworkPolicy
apiVersion: networking.k8s.io/v1
metadata:
  name: allow-ingress-controllers
  namespace: ${ns.name}
spec:
  podSelector: {}
  policyTypes:
    - Ingress
  ingress:
    - from:
        - namespaceSelector:
            matchLabels:
              component: ingress-controllers
`,
  };
  if (ns.certificate) files["05-certificate.yaml"] = certificate(ns);
  if (ns.serviceMonitor) files["06-servicemonitor.yaml"] = serviceMonitor(ns);
  for (const extra of ns.extraTeams.filter((t) => t.ownFile)) {
    files[`07-rbac-${extra.team.slug}.yaml`] = roleBinding(`${extra.team.slug}-admin`, ns.name, [extra.team.slug]);
  }
  if (ns.skipApply) files[profile.skipApplyMarker] = "";
  return files;
}

function roleBinding(name: string, namespace: string, teams: string[]): string {
  const subjects = teams.map((t) => `  - kind: Group\n    name: ${q(`github:${t}`)}\n    apiGroup: rbac.authorization.k8s.io\n`).join("");
  return `kind: RoleBinding
apiVersion: rbac.authorization.k8s.io/v1
metadata:
  name: ${name}
  namespace: ${namespace}
subjects:
${subjects}roleRef:
  kind: ClusterRole
  name: admin
  apiGroup: rbac.authorization.k8s.io
`;
}

function certificate(ns: SampleNamespace): string {
  const host = ns.isProduction ? `${ns.applicationSlug}.service.justice.gov.uk` : `${ns.name}.apps.${ns.clusterDomain}`;
  return `apiVersion: cert-manager.io/v1
kind: Certificate
metadata:
  name: ${ns.applicationSlug}-cert
  namespace: ${ns.name}
spec:
  secretName: ${ns.applicationSlug}-cert-secret
  issuerRef:
    name: letsencrypt-production
    kind: ClusterIssuer
  dnsNames:
    - ${host}
`;
}

function serviceMonitor(ns: SampleNamespace): string {
  return `apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: ${ns.applicationSlug}
  namespace: ${ns.name}
spec:
  selector:
    matchLabels:
      app: ${ns.applicationSlug}
  namespaceSelector:
    matchNames:
      - ${ns.name}
  endpoints:
    - port: metrics
      interval: 30s
`;
}
