/**
 * The kinds Berth watches in every cluster, cluster-wide, and the slim
 * records it keeps of them. Records hold only what pages show: a full Pod is
 * tens of kilobytes, its record a few hundred bytes, which is what lets one
 * replica cache 50,000 pods.
 */
export const WATCHED_KINDS = ["namespaces", "deployments", "replicasets", "pods", "events", "resourcequotas", "secrets", "configmaps"] as const;
export type WatchedKind = (typeof WATCHED_KINDS)[number];

/** Cluster-wide collection paths; the ClusterRole in deploy/ grants get/list/watch on exactly these. */
export const KIND_PATHS: Record<WatchedKind, string> = {
  namespaces: "/api/v1/namespaces",
  deployments: "/apis/apps/v1/deployments",
  replicasets: "/apis/apps/v1/replicasets",
  pods: "/api/v1/pods",
  events: "/api/v1/events",
  resourcequotas: "/api/v1/resourcequotas",
  secrets: "/api/v1/secrets",
  configmaps: "/api/v1/configmaps",
};

export interface NamespaceRecordLive {
  name: string;
  phase: "Active" | "Terminating";
  createdAt: string | null;
}

export interface Condition {
  type: string;
  status: string;
  reason: string | null;
  message: string | null;
}

export interface ContainerImage {
  container: string;
  image: string;
  tag: string | null;
}

export interface DeploymentRecord {
  namespace: string;
  name: string;
  uid: string;
  desired: number;
  /** Pods of every revision (old ones linger during a rollout). */
  current: number;
  ready: number;
  updated: number;
  available: number;
  generation: number;
  observedGeneration: number;
  paused: boolean;
  images: ContainerImage[];
  conditions: Condition[];
  /** The Secrets and ConfigMaps its pod template reads. */
  refs: ConfigReference[];
  createdAt: string | null;
}

/** One place a pod template reads a Secret or ConfigMap. */
export interface ConfigReference {
  kind: "Secret" | "ConfigMap";
  name: string;
  /** The key read; null for the whole object (envFrom, a volume without items). */
  key: string | null;
  via: "env" | "envFrom" | "volume" | "imagePullSecret";
  /** env: the variable; envFrom: its prefix (often ""); volume: the volume's name; imagePullSecret: "". */
  as: string;
  /** The container reading it; null for a volume. */
  container: string | null;
  /** `optional: true`: pods start without it. */
  optional: boolean;
}

export interface ReplicaSetRecord {
  namespace: string;
  name: string;
  deploymentUid: string | null;
  /** The `deployment.kubernetes.io/revision` annotation. */
  revision: number | null;
  images: ContainerImage[];
  desired: number;
  ready: number;
  createdAt: string | null;
}

export interface PodRecord {
  namespace: string;
  name: string;
  phase: string;
  readyContainers: number;
  containers: number;
  restarts: number;
  /** Why the most recently terminated container last stopped (Error, OOMKilled...). */
  lastTerminationReason: string | null;
  /** Why a container is waiting now (CrashLoopBackOff, ImagePullBackOff...). */
  waitingReason: string | null;
  node: string | null;
  /** The owning ReplicaSet's name, when a ReplicaSet owns the pod. */
  replicaSet: string | null;
  deleting: boolean;
  createdAt: string | null;
}

export interface EventRecord {
  namespace: string;
  name: string;
  type: string;
  reason: string;
  message: string;
  object: string;
  count: number;
  lastSeen: string | null;
}

export interface QuotaRecord {
  namespace: string;
  name: string;
  hard: Record<string, string>;
  used: Record<string, string>;
}

/**
 * What Berth keeps of a Secret. Note: there is deliberately no field that
 * could hold a value; summariseSecret reads only the data's keys.
 */
export interface SecretRecord {
  namespace: string;
  name: string;
  type: string;
  keys: string[];
  owner: string | null;
  createdAt: string | null;
}

/** What Berth keeps of a ConfigMap: as of a Secret, names and keys only. */
export interface ConfigMapRecord {
  namespace: string;
  name: string;
  keys: string[];
  createdAt: string | null;
}

export interface RecordOf {
  namespaces: NamespaceRecordLive;
  deployments: DeploymentRecord;
  replicasets: ReplicaSetRecord;
  pods: PodRecord;
  events: EventRecord;
  resourcequotas: QuotaRecord;
  secrets: SecretRecord;
  configmaps: ConfigMapRecord;
}
export type AnyRecord = RecordOf[WatchedKind];
