import type { AnyRecord, Condition, ContainerImage, RecordOf, WatchedKind } from "./kinds";

/**
 * Turns an object as the API server sends it into Berth's slim record, the
 * moment it is received (list page or watch event). Anything not copied here
 * is garbage as soon as the caller drops the raw object; in particular a
 * Secret's values are never copied anywhere.
 */
export function summariseObject<K extends WatchedKind>(kind: K, raw: unknown): RecordOf[K] {
  return SUMMARISERS[kind](asObject(raw)) as RecordOf[K];
}

type Raw = Record<string, unknown>;

const SUMMARISERS: { [K in WatchedKind]: (o: Raw) => RecordOf[K] } = {
  namespaces: (o) => ({
    name: text(meta(o).name),
    phase: meta(o).deletionTimestamp || asObject(o.status).phase === "Terminating" ? "Terminating" : "Active",
    createdAt: textOrNull(meta(o).creationTimestamp),
  }),
  deployments: (o) => {
    const spec = asObject(o.spec);
    const status = asObject(o.status);
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
      images: containers(asObject(asObject(spec.template).spec)).map(imageOf),
      conditions: list(status.conditions).map(conditionOf),
      createdAt: textOrNull(meta(o).creationTimestamp),
    };
  },
  replicasets: (o) => ({
    namespace: text(meta(o).namespace),
    name: text(meta(o).name),
    deploymentUid: controller(o, "Deployment")?.uid ?? null,
  }),
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
};

/** The key a record is stored under: its name, within its namespace. */
export function recordKey(record: AnyRecord): string {
  return "namespace" in record ? `${record.namespace}/${record.name}` : record.name;
}

function meta(o: Raw): Raw {
  return asObject(o.metadata);
}

function asObject(value: unknown): Raw {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Raw) : {};
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

function textOrNull(value: unknown): string | null {
  return typeof value === "string" && value ? value : null;
}

function count(value: unknown, fallback = 0): number {
  return typeof value === "number" && Number.isFinite(value) ? value : fallback;
}

function containers(podSpec: Raw): Raw[] {
  return list(podSpec.containers).map(asObject);
}

function imageOf(container: Raw): ContainerImage {
  const image = text(container.image);
  // The tag follows the last colon after the last slash (a registry may have a port).
  const tail = image.slice(image.lastIndexOf("/") + 1);
  const at = tail.indexOf("@");
  const colon = tail.lastIndexOf(":");
  const tag = at >= 0 ? tail.slice(at + 1) : colon >= 0 ? tail.slice(colon + 1) : null;
  return { container: text(container.name), image, tag };
}

function conditionOf(raw: unknown): Condition {
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
