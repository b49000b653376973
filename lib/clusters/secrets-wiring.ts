import type { NamespaceObjects } from "./cluster-cache";
import type { ConfigReference, SecretRecord } from "./kinds";

/** A Secret the repository says Terraform writes into the namespace (a `kubernetes_secret` block). */
export interface RepositorySecret {
  label: string;
  name: string | null;
  keys: string[];
  /** The module blocks (AWS resources) whose outputs it carries. */
  modules: string[];
  file: string;
  disabled?: boolean;
}

/** Why a reference fails: pods stay in CreateContainerConfigError (or ContainerCreating, for a volume). */
export type ReferenceProblem = "missing-object" | "missing-key" | null;

export interface CheckedReference extends ConfigReference {
  problem: ReferenceProblem;
}

export interface ResourceWiring {
  label: string;
  modules: string[];
  file: string;
  /** The Secret's name; null when the repository writes it as an expression. */
  secret: string | null;
  /** The keys the repository declares. */
  keys: string[];
  /** Null when Terraform creates no Secret (`count = 0`) or its name is unknown. */
  cluster: { exists: boolean; missingKeys: string[]; extraKeys: string[] } | null;
  /** Deployments reading the Secret, and how. */
  usedBy: { deployment: string; refs: CheckedReference[] }[];
}

export interface DeploymentWiring {
  deployment: string;
  refs: CheckedReference[];
  /** References that keep pods from starting. */
  problems: number;
}

export interface SecretsWiring {
  resources: ResourceWiring[];
  deployments: DeploymentWiring[];
  /** Secrets in the cluster that no deployment reads (service-account tokens and Helm releases left out). */
  unusedSecrets: SecretRecord[];
}

// Secrets the cluster's machinery reads, not a workload: never reported as unused.
const MACHINERY_TYPES = ["kubernetes.io/service-account-token", "helm.sh/release.v1"];

/**
 * How a namespace's Secrets and ConfigMaps are wired into its deployments,
 * from the repository's kubernetes_secret blocks and the cache's records
 * (names and keys only). A reference to a missing object or key is a problem
 * unless `optional`; an imagePullSecret never is (the kubelet pulls without it).
 */
export function secretsWiring(namespace: string, objects: NamespaceObjects, declared: RepositorySecret[]): SecretsWiring {
  const keysOf = (kind: ConfigReference["kind"], name: string): string[] | undefined =>
    (kind === "Secret" ? objects.secrets : objects.configmaps).get(`${namespace}/${name}`)?.keys;
  const check = (ref: ConfigReference): CheckedReference => {
    const keys = keysOf(ref.kind, ref.name);
    const problem: ReferenceProblem =
      ref.optional || ref.via === "imagePullSecret" ? null : !keys ? "missing-object" : ref.key !== null && !keys.includes(ref.key) ? "missing-key" : null;
    return { ...ref, problem };
  };
  const deployments = [...objects.deployments.values()]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((d) => {
      const refs = d.refs.map(check);
      return { deployment: d.name, refs, problems: refs.filter((r) => r.problem !== null).length };
    });
  const readers = (secret: string) =>
    deployments
      .map((d) => ({ deployment: d.deployment, refs: d.refs.filter((r) => r.kind === "Secret" && r.name === secret) }))
      .filter((d) => d.refs.length > 0);
  const resources = declared.map((s): ResourceWiring => {
    const inCluster = s.name === null || s.disabled ? null : objects.secrets.get(`${namespace}/${s.name}`);
    return {
      label: s.label,
      modules: s.modules,
      file: s.file,
      secret: s.name,
      keys: s.keys,
      cluster:
        s.name === null || s.disabled
          ? null
          : {
              exists: inCluster !== undefined,
              missingKeys: inCluster ? s.keys.filter((k) => !inCluster.keys.includes(k)) : [],
              extraKeys: inCluster ? inCluster.keys.filter((k) => !s.keys.includes(k)) : [],
            },
      usedBy: s.name === null ? [] : readers(s.name),
    };
  });
  const used = new Set(deployments.flatMap((d) => d.refs.filter((r) => r.kind === "Secret").map((r) => r.name)));
  const unusedSecrets = [...objects.secrets.values()]
    .filter((s) => !used.has(s.name) && !MACHINERY_TYPES.includes(s.type))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { resources, deployments, unusedSecrets };
}
