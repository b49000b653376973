import { escapeYaml, yamlScalar } from "./escape-yaml";

/**
 * A RoleBinding giving GitHub teams (`github:<slug>` groups) a ClusterRole in
 * a namespace. 01-rbac.yaml binds the owning team to `admin`; further teams
 * get their own files or extra subjects.
 */
export function renderRoleBinding(name: string, namespace: string, teams: string[], clusterRole = "admin"): string {
  const subjects = teams.map((t) => `  - kind: Group\n    name: ${escapeYaml(`github:${t}`)}\n    apiGroup: rbac.authorization.k8s.io\n`).join("");
  return `kind: RoleBinding
apiVersion: rbac.authorization.k8s.io/v1
metadata:
  name: ${yamlScalar(name)}
  namespace: ${yamlScalar(namespace)}
subjects:
${subjects}roleRef:
  kind: ClusterRole
  name: ${yamlScalar(clusterRole)}
  apiGroup: rbac.authorization.k8s.io
`;
}
