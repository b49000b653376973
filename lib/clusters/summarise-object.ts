import type { AnyRecord, Condition, ConfigReference, ContainerImage, RecordOf, WatchedKind } from "./kinds";

/**
 * Turns an object as the API server sends it into Berth's slim record, the
 * moment it is received (list page or watch event). Anything not copied here
 * is garbage as soon as the caller drops the raw object; in particular a
 * Secret's values are never copied anywhere.
 */
export function summariseObject<K extends WatchedKind>(kind: K, raw: unknown): RecordOf[K] {
  return SUMMARISERS[kind](asObject(raw)) as RecordOf[K];
}

export type Raw = Record<string, unknown>;

const SUMMARISERS: { [K in WatchedKind]: (o: Raw) => RecordOf[K] } = {
  namespaces: (o) => ({
    name: text(meta(o).name),
    phase: meta(o).deletionTimestamp || asObject(o.status).phase === "Terminating" ? "Terminating" : "Active",
    createdAt: textOrNull(meta(o).creationTimestamp),
  }),
  deployments: (o) => {
    const spec = asObject(o.spec);
    const status = asObject(o.status);
    const podSpec = asObject(asObject(spec.template).spec);
    return {
      namespace: text(meta(o).namespace),
      name: text(meta(o).name),
      uid: text(meta(o).uid),
      desired: count(spec.replicas, 1),
      current: count(status.replicas),
      ready: count(status.readyReplicas),
      updated: count(status.updatedReplicas),
      available: count(status.availableReplicas),
      generation: count(meta(o).generation),
      observedGeneration: count(status.observedGeneration),
      paused: spec.paused === true,
      images: containers(podSpec).map(imageOf),
      conditions: list(status.conditions).map(conditionOf),
      refs: configReferences(podSpec),
      createdAt: textOrNull(meta(o).creationTimestamp),
    };
  },
  replicasets: (o) => {
    const revision = Number(text(asObject(meta(o).annotations)["deployment.kubernetes.io/revision"]) || NaN);
    return {
      namespace: text(meta(o).namespace),
      name: text(meta(o).name),
      deploymentUid: controller(o, "Deployment")?.uid ?? null,
      revision: Number.isInteger(revision) ? revision : null,
      images: containers(asObject(asObject(asObject(o.spec).template).spec)).map(imageOf),
      desired: count(asObject(o.spec).replicas, 1),
      ready: count(asObject(o.status).readyReplicas),
      createdAt: textOrNull(meta(o).creationTimestamp),
    };
  },
  pods: (o) => {
    const status = asObject(o.status);
    const statuses = list(status.containerStatuses).map(asObject);
    const terminated = statuses
      .map((s) => asObject(asObject(s.lastState).terminated))
      .filter((t) => t.reason)
      .sort((a, b) => text(b.finishedAt).localeCompare(text(a.finishedAt)));
    const waiting = statuses.map((s) => asObject(asObject(s.state).waiting).reason).find((r) => typeof r === "string");
    return {
      namespace: text(meta(o).namespace),
      name: text(meta(o).name),
      phase: text(status.phase) || "Unknown",
      readyContainers: statuses.filter((s) => s.ready === true).length,
      containers: Math.max(containers(asObject(o.spec)).length, statuses.length),
      restarts: statuses.reduce((sum, s) => sum + count(s.restartCount), 0),
      lastTerminationReason: terminated.length ? text(terminated[0]!.reason) : null,
      waitingReason: typeof waiting === "string" ? waiting : null,
      node: textOrNull(asObject(o.spec).nodeName),
      replicaSet: controller(o, "ReplicaSet")?.name ?? null,
      deleting: Boolean(meta(o).deletionTimestamp),
      createdAt: textOrNull(meta(o).creationTimestamp),
    };
  },
  events: (o) => {
    const involved = asObject(o.involvedObject);
    return {
      namespace: text(meta(o).namespace),
      name: text(meta(o).name),
      type: text(o.type) || "Normal",
      reason: text(o.reason),
      // Note: messages can be long (stack traces from probes); pages show the start.
      message: text(o.message).slice(0, 500),
      object: `${text(involved.kind)}/${text(involved.name)}`,
      count: count(o.count, 1),
      lastSeen: textOrNull(o.lastTimestamp) ?? textOrNull(o.eventTime) ?? textOrNull(meta(o).creationTimestamp),
    };
  },
  resourcequotas: (o) => {
    const status = asObject(o.status);
    return {
      namespace: text(meta(o).namespace),
      name: text(meta(o).name),
      hard: quantities(status.hard ?? asObject(o.spec).hard),
      used: quantities(status.used),
    };
  },
  // Note: only the names of `data` are read; values are never copied.
  secrets: (o) => {
    const owner = list(meta(o).ownerReferences).map(asObject)[0];
    return {
      namespace: text(meta(o).namespace),
      name: text(meta(o).name),
      type: text(o.type) || "Opaque",
      keys: Object.keys(asObject(o.data)).sort(),
      owner: owner ? `${text(owner.kind)}/${text(owner.name)}` : null,
      createdAt: textOrNull(meta(o).creationTimestamp),
    };
  },
  // Note: as for Secrets, only the names of `data` and `binaryData` are read.
  configmaps: (o) => ({
    namespace: text(meta(o).namespace),
    name: text(meta(o).name),
    keys: [...Object.keys(asObject(o.data)), ...Object.keys(asObject(o.binaryData))].sort(),
    createdAt: textOrNull(meta(o).creationTimestamp),
  }),
};

/** The key a record is stored under: its name, within its namespace. */
export function recordKey(record: AnyRecord): string {
  return "namespace" in record ? `${record.namespace}/${record.name}` : record.name;
}

export function meta(o: Raw): Raw {
  return asObject(o.metadata);
}

export function asObject(value: unknown): Raw {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Raw) : {};
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

export function textOrNull(value: unknown): string | null {
  return typeof value === "string" && value ? value : null;
}

export function count(value: unknown, fallback = 0): number {
  return typeof value === "number" && Number.isFinite(value) ? value : fallback;
}

function containers(podSpec: Raw): Raw[] {
  return list(podSpec.containers).map(asObject);
}

/** Where a pod spec reads Secrets and ConfigMaps: env valueFrom, envFrom, volumes (projected ones included) and imagePullSecrets; init containers too. */
function configReferences(podSpec: Raw): ConfigReference[] {
  const refs: ConfigReference[] = [];
  const add = (kind: ConfigReference["kind"], ref: Raw, nameField: string, rest: Omit<ConfigReference, "kind" | "name" | "optional">) => {
    const name = text(ref[nameField]);
    if (name) refs.push({ kind, name, ...rest, optional: ref.optional === true });
  };
  for (const c of [...list(podSpec.initContainers), ...list(podSpec.containers)].map(asObject)) {
    const container = text(c.name);
    for (const e of list(c.env).map(asObject)) {
      const from = asObject(e.valueFrom);
      const as = text(e.name);
      if (from.secretKeyRef) add("Secret", asObject(from.secretKeyRef), "name", { key: text(asObject(from.secretKeyRef).key), via: "env", as, container });
      if (from.configMapKeyRef)
        add("ConfigMap", asObject(from.configMapKeyRef), "name", { key: text(asObject(from.configMapKeyRef).key), via: "env", as, container });
    }
    for (const e of list(c.envFrom).map(asObject)) {
      const as = text(e.prefix);
      if (e.secretRef) add("Secret", asObject(e.secretRef), "name", { key: null, via: "envFrom", as, container });
      if (e.configMapRef) add("ConfigMap", asObject(e.configMapRef), "name", { key: null, via: "envFrom", as, container });
    }
  }
  for (const v of list(podSpec.volumes).map(asObject)) {
    const as = text(v.name);
    const sources = [
      { kind: "Secret" as const, ref: v.secret, nameField: "secretName" },
      { kind: "ConfigMap" as const, ref: v.configMap, nameField: "name" },
      ...list(asObject(v.projected).sources)
        .map(asObject)
        .flatMap((s) => [
          { kind: "Secret" as const, ref: s.secret, nameField: "name" },
          { kind: "ConfigMap" as const, ref: s.configMap, nameField: "name" },
        ]),
    ];
    for (const { kind, ref, nameField } of sources) {
      if (!ref) continue;
      const items = list(asObject(ref).items)
        .map((i) => text(asObject(i).key))
        .filter(Boolean);
      if (items.length === 0) add(kind, asObject(ref), nameField, { key: null, via: "volume", as, container: null });
      for (const key of items) add(kind, asObject(ref), nameField, { key, via: "volume", as, container: null });
    }
  }
  for (const p of list(podSpec.imagePullSecrets).map(asObject)) add("Secret", p, "name", { key: null, via: "imagePullSecret", as: "", container: null });
  return refs;
}

export function imageOf(container: Raw): ContainerImage {
  const image = text(container.image);
  // The tag follows the last colon after the last slash (a registry may have a port).
  const tail = image.slice(image.lastIndexOf("/") + 1);
  const at = tail.indexOf("@");
  const colon = tail.lastIndexOf(":");
  const tag = at >= 0 ? tail.slice(at + 1) : colon >= 0 ? tail.slice(colon + 1) : null;
  return { container: text(container.name), image, tag };
}

export function conditionOf(raw: unknown): Condition {
  const c = asObject(raw);
  return { type: text(c.type), status: text(c.status), reason: textOrNull(c.reason), message: textOrNull(c.message) };
}

function controller(o: Raw, kind: string): { name: string; uid: string } | undefined {
  const ref = list(meta(o).ownerReferences)
    .map(asObject)
    .find((r) => r.kind === kind);
  return ref ? { name: text(ref.name), uid: text(ref.uid) } : undefined;
}

function quantities(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(asObject(value))) if (typeof v === "string") out[key] = v;
  return out;
}
