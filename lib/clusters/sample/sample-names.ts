import type { Rng } from "../../environments/sample/create-rng";
import { stamp, type ObjectMeta } from "./kube-object";

// Kubernetes' own alphabet for generated suffixes (no vowels, no look-alikes).
const SUFFIX_CHARS = "bcdfghjklmnpqrstvwxz2456789";

export const ECR_REGISTRY = "754256621582.dkr.ecr.eu-west-2.amazonaws.com";

export function hex(rng: Rng, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += "0123456789abcdef"[rng.int(0, 15)];
  return out;
}

/** A random (version 4) UUID, as the API server gives every object. */
export function uid(rng: Rng): string {
  const h = hex(rng, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${"89ab"[rng.int(0, 3)]}${h.slice(17, 20)}-${h.slice(20)}`;
}

/** Metadata as the API server completes it on create; the store sets resourceVersion. */
export function objectMeta(rng: Rng, name: string, namespace: string | undefined, created: Date, extra: Partial<ObjectMeta> = {}): ObjectMeta {
  return { name, ...(namespace ? { namespace } : {}), uid: uid(rng), resourceVersion: "", creationTimestamp: stamp(created), ...extra };
}

/** A generated-name suffix: 5 characters for a Pod, 9-10 for a pod-template-hash. */
export function suffix(rng: Rng, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += SUFFIX_CHARS[rng.int(0, SUFFIX_CHARS.length - 1)];
  return out;
}

export function nodeNames(rng: Rng, count: number): string[] {
  return Array.from({ length: count }, () => `ip-172-20-${rng.int(32, 191)}-${rng.int(1, 254)}.eu-west-2.compute.internal`);
}

/** The application part of a namespace name: `visits-dev` -> `visits`. */
export function namespaceBase(name: string): string {
  return name.replace(/-(dev|development|test|uat|staging|stage|preprod|prod|production|sandbox)$/, "") || name;
}

/** A stable 32-bit hash, to seed one namespace's choices independently of the others. */
export function hashString(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h | 0;
}

/** A tag as CI pipelines push them: a commit sha or a release version. */
export function imageTag(rng: Rng): string {
  return rng.chance(0.6) ? hex(rng, 40) : `${rng.int(0, 4)}.${rng.int(0, 30)}.${rng.int(0, 12)}`;
}

/** Cluster-wide add-ons in the platform's own namespaces. */
export const systemWorkloads: Record<string, { app: string; image: string }[]> = {
  default: [],
  "kube-public": [],
  "kube-node-lease": [],
  "kube-system": [{ app: "coredns", image: "registry.k8s.io/coredns/coredns:v1.11.1" }],
  "cert-manager": [
    { app: "cert-manager", image: "quay.io/jetstack/cert-manager-controller:v1.14.4" },
    { app: "cert-manager-webhook", image: "quay.io/jetstack/cert-manager-webhook:v1.14.4" },
  ],
  "ingress-controllers": [{ app: "ingress-nginx-controller", image: "registry.k8s.io/ingress-nginx/controller:v1.10.1" }],
  monitoring: [
    { app: "prometheus-operator", image: "quay.io/prometheus-operator/prometheus-operator:v0.73.2" },
    { app: "grafana", image: "docker.io/grafana/grafana:10.4.2" },
  ],
  logging: [{ app: "fluent-bit-aggregator", image: "cr.fluentbit.io/fluent/fluent-bit:3.0.4" }],
};

export const orphanNames = ["orphan-legacy-api", "orphan-spike-test", "orphan-migration-tmp", "orphan-load-test", "orphan-old-ui-dev", "orphan-debug"];
