import type { Rng } from "../../environments/sample/create-rng";
import { stamp, type KubeObject } from "./kube-object";
import { hex, objectMeta, suffix, uid } from "./sample-names";
import type { PodTemplate } from "./sample-pod";

/**
 * Every Secret value the sample serves decodes to text starting with this
 * (inside the JSON of a `.dockerconfigjson`), so a test can prove that no
 * value ever reaches Berth's cache, logs or pages.
 */
export const SAMPLE_SECRET_MARKER = "sample-secret-value-";
/** The base64 every top-level value starts with (the marker's first 18 bytes encode to exactly these 24 characters). */
export const SAMPLE_SECRET_MARKER_BASE64 = Buffer.from(SAMPLE_SECRET_MARKER).toString("base64").slice(0, 24);

export function sampleNamespace(
  rng: Rng,
  name: string,
  options: { created: Date; labels?: Record<string, string>; annotations?: Record<string, string>; terminatingSince?: Date },
): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: objectMeta(rng, name, undefined, options.created, {
      ...(options.terminatingSince ? { deletionTimestamp: stamp(options.terminatingSince) } : {}),
      labels: { ...options.labels, "kubernetes.io/metadata.name": name },
      ...(options.annotations ? { annotations: options.annotations } : {}),
    }),
    spec: { finalizers: ["kubernetes"] },
    status: { phase: options.terminatingSince ? "Terminating" : "Active" },
  };
}

/**
 * A namespace's Secrets: an app secret and a service-account token always, those the repository's
 * kubernetes_secret blocks declare (as Terraform writes them), RDS outputs and registry credentials sometimes.
 */
export function sampleSecrets(
  rng: Rng,
  namespace: string,
  app: string,
  created: Date,
  extras: { rds: boolean; docker: boolean; declared?: { name: string; keys: string[] }[] },
): KubeObject[] {
  const value = (key: string) => Buffer.from(`${SAMPLE_SECRET_MARKER}${namespace}-${key}-${hex(rng, 8)}`).toString("base64");
  const data = (keys: string[]) => Object.fromEntries(keys.map((key) => [key, value(key)]));
  const secret = (name: string, type: string, values: Record<string, string>, annotations?: Record<string, string>): KubeObject => ({
    apiVersion: "v1",
    kind: "Secret",
    metadata: objectMeta(rng, name, namespace, created, annotations && { annotations }),
    data: values,
    type,
  });
  const secrets = [
    secret(`${app}-secrets`, "Opaque", data(rng.sample(["SECRET_KEY_BASE", "API_KEY", "SENTRY_DSN", "SESSION_SECRET", "CLIENT_SECRET"], rng.int(2, 4)))),
    secret(`default-token-${suffix(rng, 5)}`, "kubernetes.io/service-account-token", data(["ca.crt", "namespace", "token"]), {
      "kubernetes.io/service-account.name": "default",
      "kubernetes.io/service-account.uid": uid(rng),
    }),
  ];
  for (const declared of extras.declared ?? []) secrets.push(secret(declared.name, "Opaque", data(declared.keys)));
  if (extras.rds && !secrets.some((s) => s.metadata.name === "rds-instance-output")) {
    const keys = ["database_name", "database_username", "database_password", "rds_instance_endpoint", "rds_instance_address", "rds_instance_port"];
    secrets.push(secret("rds-instance-output", "Opaque", data(keys)));
  }
  if (extras.docker) {
    const auth = `${SAMPLE_SECRET_MARKER}${namespace}-dockerhub-${hex(rng, 8)}`;
    const config = JSON.stringify({ auths: { "https://index.docker.io/v1/": { auth: Buffer.from(auth).toString("base64") } } });
    secrets.push(secret("dockerhub-credentials", "kubernetes.io/dockerconfigjson", { ".dockerconfigjson": Buffer.from(config).toString("base64") }));
  }
  return secrets;
}

/** The ConfigMaps of a namespace: the cluster's CA bundle (every namespace has one) and a config per app, plain settings. */
export function sampleConfigMaps(rng: Rng, namespace: string, apps: string[], created: Date): KubeObject[] {
  const configMap = (name: string, data: Record<string, string>): KubeObject => ({
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: objectMeta(rng, name, namespace, created),
    data,
  });
  return [
    configMap("kube-root-ca.crt", {
      "ca.crt": "-----BEGIN CERTIFICATE-----\nMIIC5zCCAc+gAwIBAgIBADANBgkqhkiG9w0BAQsFADAVMRMwEQYDVQQDEwprdWJl\n-----END CERTIFICATE-----\n",
    }),
    ...apps.map((app) =>
      configMap(`${app}-config`, {
        LOG_LEVEL: rng.pick(["info", "debug", "warn"]),
        PORT: "8080",
        ...(rng.chance(0.5) ? { "application.yaml": `server:\n  port: 8080\nspring:\n  application:\n    name: ${app}\n` } : {}),
      }),
    ),
  ];
}

/** The namespace's ResourceQuota, with status.used summed from the pods it holds. */
export function sampleQuota(rng: Rng, namespace: string, pods: KubeObject[], created: Date, podsQuota: number): KubeObject {
  const sum = (field: "requests" | "limits", resource: "cpu" | "memory") =>
    pods
      .flatMap((pod) => (pod.spec as PodTemplate["spec"]).containers)
      .reduce((total, c) => total + quantity((c.resources as Record<typeof field, Record<typeof resource, string>>)[field][resource]), 0);
  const hard = { "limits.cpu": "16", "limits.memory": "32Gi", pods: String(podsQuota), "requests.cpu": "8", "requests.memory": "16Gi" };
  const used = {
    "limits.cpu": canonical(sum("limits", "cpu"), "cpu"),
    "limits.memory": canonical(sum("limits", "memory"), "memory"),
    pods: String(pods.length),
    "requests.cpu": canonical(sum("requests", "cpu"), "cpu"),
    "requests.memory": canonical(sum("requests", "memory"), "memory"),
  };
  return { apiVersion: "v1", kind: "ResourceQuota", metadata: objectMeta(rng, "namespace-quota", namespace, created), spec: { hard }, status: { hard, used } };
}

/** Millicores or mebibytes of the quantities the sample uses: "250m", "2", "512Mi", "1Gi". */
function quantity(text: string): number {
  const n = parseFloat(text);
  return text.endsWith("m") ? n : text.endsWith("Gi") ? n * 1024 : text.endsWith("Mi") ? n : n * 1000;
}

/** Canonical quantities, as the API server writes them: "1500m", "2", "768Mi", "1Gi". */
function canonical(n: number, resource: "cpu" | "memory"): string {
  if (resource === "cpu") return n % 1000 === 0 ? String(n / 1000) : `${n}m`;
  return n === 0 ? "0" : n % 1024 === 0 ? `${n / 1024}Gi` : `${n}Mi`;
}
