/** The metadata fields the sample server reads or writes; everything else passes through untouched. */
export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid: string;
  resourceVersion: string;
  creationTimestamp: string;
  generateName?: string;
  generation?: number;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: { apiVersion: string; kind: string; name: string; uid: string; controller: boolean; blockOwnerDeletion: boolean }[];
}

/** A whole Kubernetes object as the API serves it one at a time (with kind and apiVersion). */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

/** The collections the server serves, by their URL plural. */
export const sampleResources = {
  namespaces: { kind: "Namespace", apiVersion: "v1", namespaced: false },
  pods: { kind: "Pod", apiVersion: "v1", namespaced: true },
  secrets: { kind: "Secret", apiVersion: "v1", namespaced: true },
  configmaps: { kind: "ConfigMap", apiVersion: "v1", namespaced: true },
  events: { kind: "Event", apiVersion: "v1", namespaced: true },
  resourcequotas: { kind: "ResourceQuota", apiVersion: "v1", namespaced: true },
  deployments: { kind: "Deployment", apiVersion: "apps/v1", namespaced: true },
  replicasets: { kind: "ReplicaSet", apiVersion: "apps/v1", namespaced: true },
} as const;

export type SampleResource = keyof typeof sampleResources;

export function resourceOfKind(kind: string): SampleResource {
  const found = (Object.keys(sampleResources) as SampleResource[]).find((r) => sampleResources[r].kind === kind);
  if (!found) throw new Error(`the sample server does not serve kind ${kind}`);
  return found;
}

/** Where the object sits in etcd's key order: lists are sorted by it, as etcd returns them. */
export function objectKey(meta: Pick<ObjectMeta, "name" | "namespace">): string {
  return meta.namespace ? `${meta.namespace}/${meta.name}` : meta.name;
}

/** RFC 3339 to the second, as Kubernetes writes timestamps. */
export function stamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function secondsBefore(now: Date, seconds: number): Date {
  return new Date(now.getTime() - Math.round(seconds) * 1000);
}
