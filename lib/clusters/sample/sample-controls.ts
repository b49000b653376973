import { createRng } from "../../environments/sample/create-rng";
import { stamp, type KubeObject, type SampleResource } from "./kube-object";
import { sampleEvent } from "./sample-events";
import { hashString, hex, nodeNames, objectMeta } from "./sample-names";
import { sampleNamespaceContents } from "./sample-namespace-contents";
import { SAMPLE_SECRET_MARKER, sampleNamespace } from "./sample-namespace-objects";
import type { SampleStore } from "./sample-store";

/** How e2e tests and the demo change the sample cluster; watches see each change as they would a real one. */
export interface SampleControls {
  /** A container exits with Error and starts again: the pod MODIFIED, a Warning BackOff event. */
  restartPod(namespace: string, name: string, container?: string): KubeObject;
  /** Restarts one running pod picked at random (what churn does); null when none runs. */
  restartRandomPod(): KubeObject | null;
  /** The first running pod of a namespace by name (what the demo's churn restarts); null when none runs. */
  firstRunningPod(namespace: string): KubeObject | null;
  /** As Terraform's kubernetes_secret writes one: an Opaque Secret with these keys (sample values), made or replaced. */
  applySecret(input: { namespace: string; name: string; keys: string[] }): KubeObject;
  /**
   * As the pipeline applies a namespace: the Namespace, a small healthy Deployment (or the `apps` asked for, with their
   * images) with its ReplicaSet and Pods, Secrets (`secrets`: those its kubernetes_secret blocks declare, which the
   * Deployment reads), ConfigMaps, a quota.
   */
  createNamespace(input: {
    name: string;
    labels?: Record<string, string>;
    secrets?: { name: string; keys: string[] }[];
    apps?: { app: string; image: string }[];
  }): KubeObject;
  /** As the namespace controller deletes one: Terminating, then its contents, then the Namespace. */
  deleteNamespace(name: string): void;
  /** While on, every open watch is cut and every API request has its connection dropped. */
  setOutage(on: boolean): void;
  outage(): boolean;
  /** Pod log streams open now (follows): a client that stops reading must close its stream. */
  logStreams(): number;
}

/** A control request the sample cluster refuses; `status` is the HTTP answer. */
export class SampleControlError extends Error {
  constructor(
    readonly status: 403 | 404 | 409 | 422,
    message: string,
  ) {
    super(message);
    this.name = "SampleControlError";
  }
}

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
// A Secret's data keys: what kube-apiserver's validation accepts.
const SECRET_KEY = /^[-._a-zA-Z0-9]{1,253}$/;
const LABEL_KEY = /^([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$/;
// kube-apiserver refuses to delete these.
const UNDELETABLE = ["default", "kube-system", "kube-public", "kube-node-lease"];

type ContainerStatus = {
  name: string;
  containerID?: string;
  restartCount: number;
  state: { running?: { startedAt: string }; waiting?: object };
  lastState: object;
};
const containerStatuses = (pod: KubeObject) => (pod.status as { containerStatuses?: ContainerStatus[] }).containerStatuses ?? [];

export function createSampleControls(
  store: SampleStore,
  options: { seed: number; now: () => Date; onOutage: (on: boolean) => void; labelPrefix?: string; podsQuota?: number; logStreams?: () => number },
): SampleControls {
  const rng = createRng(options.seed + 1);
  const pods = () => store.list("pods") ?? [];
  const known = [...new Set(pods().map((p) => (p.spec as { nodeName?: string }).nodeName ?? ""))].filter(Boolean);
  const nodes = known.length > 0 ? known : nodeNames(rng, 3);
  let outage = false;

  /** Counts on the pod's BackOff event if it has one, as the kubelet's recorder does; a new event otherwise. */
  const recordBackOff = (pod: KubeObject, container: string, now: Date) => {
    const { name, namespace, uid } = pod.metadata;
    const existing = store.list("events", { namespace })?.find((e) => (e.involvedObject as { uid: string }).uid === uid && e.reason === "BackOff");
    if (existing) return store.put({ ...existing, count: (existing.count as number) + 1, lastTimestamp: stamp(now) });
    const message = `Back-off restarting failed container ${container} in pod ${name}_${namespace}(${uid})`;
    const host = (pod.spec as { nodeName?: string }).nodeName;
    const event = sampleEvent(
      rng,
      { type: "Warning", reason: "BackOff", message, involved: pod, component: "kubelet", host, fieldPath: `spec.containers{${container}}`, count: 1 },
      now,
    );
    store.put({ ...event, metadata: { ...event.metadata, creationTimestamp: stamp(now) }, firstTimestamp: stamp(now), lastTimestamp: stamp(now) });
  };

  const controls: SampleControls = {
    restartPod(namespace, name, container) {
      const pod = store.get("pods", namespace, name);
      if (!pod) throw new SampleControlError(404, `pod ${namespace}/${name} does not exist`);
      const next = structuredClone(pod);
      const target = container === undefined ? containerStatuses(next)[0] : containerStatuses(next).find((s) => s.name === container);
      if (!target && container !== undefined) throw new SampleControlError(422, `pod ${namespace}/${name} has no container ${container}`);
      if (!target) throw new SampleControlError(409, `pod ${namespace}/${name} has no started container to restart`);
      const now = stamp(options.now());
      target.lastState = {
        terminated: { exitCode: 1, reason: "Error", startedAt: target.state.running?.startedAt ?? now, finishedAt: now, containerID: target.containerID },
      };
      target.restartCount += 1;
      target.containerID = `containerd://${hex(rng, 64)}`;
      // A container in CrashLoopBackOff stays waiting; a running one runs again.
      if (!target.state.waiting) target.state = { running: { startedAt: now } };
      const saved = store.put(next);
      recordBackOff(saved, target.name, options.now());
      return saved;
    },
    restartRandomPod() {
      const running = pods().filter((p) => containerStatuses(p).length > 0);
      if (running.length === 0) return null;
      const pod = rng.pick(running);
      return controls.restartPod(pod.metadata.namespace!, pod.metadata.name);
    },
    firstRunningPod(namespace) {
      const running = (store.list("pods", { namespace }) ?? []).filter((p) => containerStatuses(p).length > 0);
      return running.sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))[0] ?? null;
    },
    applySecret({ namespace, name, keys }) {
      if (!store.get("namespaces", undefined, namespace)) throw new SampleControlError(404, `namespace ${namespace} does not exist`);
      if (!DNS_SUBDOMAIN.test(name)) throw new SampleControlError(422, `secret name "${name}" is not a valid Kubernetes name`);
      const existing = store.get("secrets", namespace, name);
      const r = createRng(options.seed ^ hashString(`${namespace}/${name}`));
      const data = Object.fromEntries(keys.map((key) => [key, Buffer.from(`${SAMPLE_SECRET_MARKER}${namespace}-${key}-${hex(r, 8)}`).toString("base64")]));
      const metadata = existing ? existing.metadata : objectMeta(r, name, namespace, options.now());
      return store.put({ apiVersion: "v1", kind: "Secret", metadata, type: "Opaque", data });
    },
    createNamespace({ name, labels = {}, secrets = [], apps }) {
      if (!DNS_LABEL.test(name))
        throw new SampleControlError(
          422,
          `name "${name}" must be a DNS label: at most 63 lower-case letters, digits and "-", starting and ending with a letter or digit`,
        );
      for (const { app, image } of apps ?? []) {
        if (!DNS_LABEL.test(app)) throw new SampleControlError(422, `deployment name "${app}" must be a DNS label`);
        if (!/^[\w.\-/:@]+$/.test(image)) throw new SampleControlError(422, `image "${image}" is not an image reference`);
      }
      for (const [key, value] of Object.entries(labels)) {
        if (!LABEL_KEY.test(key) || typeof value !== "string" || !LABEL_VALUE.test(value))
          throw new SampleControlError(422, `label ${key}=${String(value)} is not a valid Kubernetes label`);
      }
      for (const secret of secrets) {
        if (!DNS_SUBDOMAIN.test(secret.name)) throw new SampleControlError(422, `secret name "${secret.name}" is not a valid Kubernetes name`);
        if (secret.keys.some((key) => !SECRET_KEY.test(key)))
          throw new SampleControlError(422, `secret ${secret.name} has a key that is not a valid Secret key`);
      }
      if (store.get("namespaces", undefined, name)) throw new SampleControlError(409, `namespace ${name} already exists`);
      const now = options.now();
      const r = createRng(options.seed ^ hashString(name));
      const namespace = store.put(sampleNamespace(r, name, { created: now, labels }));
      const team = labels[`${options.labelPrefix ?? "cloud-platform.justice.gov.uk"}/team-name`] ?? name;
      for (const object of sampleNamespaceContents(r, {
        namespace: name,
        team,
        created: now,
        now,
        nodes,
        apps,
        noSidecars: apps !== undefined,
        allHealthy: true,
        podsQuota: options.podsQuota ?? 50,
        secrets,
      })) {
        // The events of a namespace made just now happened just now.
        store.put(object.kind === "Event" ? { ...object, firstTimestamp: stamp(now), lastTimestamp: stamp(now) } : object);
      }
      return namespace;
    },
    deleteNamespace(name) {
      const namespace = store.get("namespaces", undefined, name);
      if (!namespace) throw new SampleControlError(404, `namespace ${name} does not exist`);
      if (UNDELETABLE.includes(name)) throw new SampleControlError(403, `namespace ${name} may not be deleted`);
      if (!namespace.metadata.deletionTimestamp) {
        store.put({ ...namespace, metadata: { ...namespace.metadata, deletionTimestamp: stamp(options.now()) }, status: { phase: "Terminating" } });
      }
      const order: SampleResource[] = ["events", "pods", "replicasets", "deployments", "secrets", "configmaps", "resourcequotas"];
      for (const resource of order) for (const object of store.list(resource, { namespace: name }) ?? []) store.remove(resource, name, object.metadata.name);
      store.remove("namespaces", undefined, name);
    },
    setOutage(on) {
      outage = on;
      options.onOutage(on);
    },
    outage: () => outage,
    logStreams: () => options.logStreams?.() ?? 0,
  };
  return controls;
}
