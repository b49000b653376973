import type { PlatformProfile } from "../profile/profile";
import { escapeYaml, yamlScalar } from "../render/escape-yaml";
import { renderRoleBinding } from "../render/render-role-binding";
import type { SampleNamespace } from "./sample-namespace";

/**
 * The sample's files beyond the standard ones Berth writes for a request:
 * extra teams (as more subjects in 01-rbac.yaml or their own 07-rbac-<team>.yaml),
 * a team (and maybe a user) bound to a narrower Role (08-rbac-<team>-read-only.yaml),
 * certificates, ServiceMonitors and the skip-apply marker, the extra manifests
 * sometimes as `.yml`. Keyed by path relative to the folder; a key here
 * replaces the standard file.
 */
export function renderSampleExtras(ns: SampleNamespace, profile: PlatformProfile): Record<string, string> {
  const files: Record<string, string> = {};
  const sharedTeams = ns.extraTeams.filter((t) => !t.ownFile).map((t) => t.team.slug);
  if (sharedTeams.length > 0) files["01-rbac.yaml"] = renderRoleBinding(`${ns.name}-admin`, ns.name, [ns.team.slug, ...sharedTeams]);
  if (ns.certificate) files["05-certificate.yaml"] = certificate(ns);
  if (ns.serviceMonitor) files["06-servicemonitor.yaml"] = serviceMonitor(ns);
  for (const extra of ns.extraTeams.filter((t) => t.ownFile)) {
    files[`07-rbac-${extra.team.slug}.yaml`] = renderRoleBinding(`${extra.team.slug}-admin`, ns.name, [extra.team.slug]);
  }
  if (ns.narrowerAccess) files[`08-rbac-${ns.narrowerAccess.team.slug}-read-only.yaml`] = readOnlyAccess(ns);
  if (ns.ymlManifests) {
    for (const file of Object.keys(files)) {
      if (/^0[5-9]-.*\.yaml$/.test(file)) {
        files[file.replace(/\.yaml$/, ".yml")] = files[file]!;
        delete files[file];
      }
    }
  }
  if (ns.skipApply) files[profile.skipApplyMarker] = "";
  return files;
}

/** A namespaced read-only Role and its binding: access without ownership, as ~455 real namespaces grant. */
function readOnlyAccess(ns: SampleNamespace): string {
  const { team, user } = ns.narrowerAccess!;
  const userSubject = user ? `  - kind: User\n    name: ${escapeYaml(user)}\n    apiGroup: rbac.authorization.k8s.io\n` : "";
  return `kind: Role
apiVersion: rbac.authorization.k8s.io/v1
metadata:
  name: read-only
  namespace: ${yamlScalar(ns.name)}
rules:
  - apiGroups: ["", "apps", "batch"]
    resources: ["pods", "pods/log", "deployments", "replicasets", "jobs", "cronjobs", "events"]
    verbs: ["get", "list", "watch"]
---
kind: RoleBinding
apiVersion: rbac.authorization.k8s.io/v1
metadata:
  name: ${yamlScalar(`${team.slug}-read-only`)}
  namespace: ${yamlScalar(ns.name)}
subjects:
  - kind: Group
    name: ${escapeYaml(`github:${team.slug}`)}
    apiGroup: rbac.authorization.k8s.io
${userSubject}roleRef:
  kind: Role
  name: read-only
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
