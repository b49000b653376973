import type { PlatformProfile } from "../profile/profile";
import { renderRoleBinding } from "../render/render-role-binding";
import type { SampleNamespace } from "./sample-namespace";

/**
 * The sample's files beyond the standard ones Berth writes for a request:
 * extra teams (as more subjects in 01-rbac.yaml or their own 07-rbac-<team>.yaml),
 * certificates, ServiceMonitors and the skip-apply marker. Keyed by path
 * relative to the folder; a key here replaces the standard file.
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
  if (ns.skipApply) files[profile.skipApplyMarker] = "";
  return files;
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
