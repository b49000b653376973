/**
 * Test fixtures: YAML manifests as people wrote them by hand, with what real
 * namespace folders hold (ENVIRONMENTS-REPO.md): comments everywhere, blank
 * lines, every quoting style, folded scalars, several comma-separated
 * source URLs, a Slack link for a channel, trailing comments on RoleBinding
 * subjects, several documents, `.yml`, CRLF and no final newline. Keyed by
 * file name; the *-crlf and *-no-eol variants are the same files' habits.
 */
const P = "cloud-platform.justice.gov.uk";

const namespace = `# Orders service: production namespace
# owner: orders team
---
apiVersion: v1
kind: Namespace # do not rename
metadata:
  name: orders-prod
  labels:
    ${P}/is-production: "true"   # yes, really
    ${P}/environment-name: 'production'
    pod-security.kubernetes.io/enforce: restricted

  annotations:
    ${P}/business-unit: HMPPS
    # the channel moved in 2024
    ${P}/slack-channel: https://mojdt.slack.com/archives/C01ABCDEF
    ${P}/application: >-
      Orders: the service that takes
      orders from prisons
    ${P}/owner: "Orders team: orders@digital.justice.gov.uk"
    ${P}/source-code: https://github.com/ministryofjustice/orders,https://github.com/ministryofjustice/orders-api, https://github.com/ministryofjustice/orders-ui
    ${P}/team-name: orders-team
    ${P}/slack-alert-channel: orders-alerts
# trailing comment
`;

const namespaceWithoutAnnotations = `apiVersion: v1
kind: Namespace
metadata:
    name: legacy-dev
    labels:
        ${P}/environment-name: dev
        ${P}/is-production: 'false'
`;

const namespaceEmptyAnnotations = `apiVersion: v1
kind: Namespace
metadata:
  name: bare-dev
  labels: {${P}/is-production: "false", ${P}/environment-name: development}
  annotations:   # to do
`;

const rbac = `# Admins
kind: RoleBinding
apiVersion: rbac.authorization.k8s.io/v1
metadata:
  name: orders-prod-admin
  namespace: orders-prod
subjects:
  - kind: Group
    name: "github:orders-team"
    apiGroup: rbac.authorization.k8s.io
  - kind: Group
    name: "github:orders-support" # added for the 2024 migration
    apiGroup: rbac.authorization.k8s.io

  # - kind: Group
  #   name: "github:old-team"
roleRef:
  kind: ClusterRole
  name: admin
  apiGroup: rbac.authorization.k8s.io
---
# Read-only for the help desk
kind: RoleBinding
apiVersion: rbac.authorization.k8s.io/v1
metadata:
  name: helpdesk-read-only
  namespace: orders-prod
subjects:
-   apiGroup: rbac.authorization.k8s.io
    kind: Group
    name: github:helpdesk
- kind: User
  name: jane-doe
  apiGroup: rbac.authorization.k8s.io
roleRef:
  kind: Role
  name: read-only
  apiGroup: rbac.authorization.k8s.io
...
`;

const extraTeam = `kind: RoleBinding
apiVersion: rbac.authorization.k8s.io/v1
metadata:
  name: payments-admin
  namespace: orders-prod
subjects:
  - kind: Group
    name: 'github:payments'
    apiGroup: rbac.authorization.k8s.io
roleRef:
  kind: ClusterRole
  name: admin
  apiGroup: rbac.authorization.k8s.io`;

const anchors = `defaults: &defaults
  cpu: 100m # shared
  memory: 100Mi
limits:
  - default: *defaults
    type: Container
quoted: "a \\"b\\" \\u00e9"
literal: |
  line one

  line three
keep: >+
  kept

empty:
tilde: ~
flow: [a, "b", 'c']   # flow
`;

export const messyYaml: Record<string, string> = {
  "00-namespace.yaml": namespace,
  "00-namespace-crlf.yaml": namespace.replaceAll("\n", "\r\n"),
  "00-namespace-no-eol.yaml": namespace.replace(/\n# trailing comment\n$/, ""),
  "00-legacy-namespace.yaml": namespaceWithoutAnnotations,
  "00-bare-namespace.yaml": namespaceEmptyAnnotations,
  "01-rbac.yaml": rbac,
  "01-rbac-crlf.yaml": rbac.replaceAll("\n", "\r\n"),
  "07-rbac-payments.yml": extraTeam,
  "09-anchors.yaml": anchors,
  "09-anchors-crlf.yml": anchors.replaceAll("\n", "\r\n"),
};

/** A namespace folder of the messy files: its standard names only (one of each). */
export function messyFolderFiles(variant: "" | "-crlf" | "-no-eol" = ""): Record<string, string> {
  return {
    "00-namespace.yaml": messyYaml[`00-namespace${variant}.yaml`]!,
    "01-rbac.yaml": messyYaml[variant === "-crlf" ? "01-rbac-crlf.yaml" : "01-rbac.yaml"]!,
    "07-rbac-payments.yml": messyYaml["07-rbac-payments.yml"]!,
  };
}
