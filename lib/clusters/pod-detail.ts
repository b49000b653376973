import type { Condition } from "./kinds";
import { asObject, conditionOf, count, imageOf, list, meta, text, textOrNull, type Raw } from "./summarise-object";

export interface ContainerState {
  state: "running" | "waiting" | "terminated" | "unknown";
  reason: string | null;
  message: string | null;
  /** Running or terminated since (startedAt / finishedAt). */
  since: string | null;
  exitCode: number | null;
}

export interface ContainerDetail {
  name: string;
  init: boolean;
  image: string;
  tag: string | null;
  ready: boolean;
  restarts: number;
  now: ContainerState;
  /** The previous run's end, after a restart. */
  lastTermination: { reason: string | null; exitCode: number | null; startedAt: string | null; finishedAt: string | null; message: string | null } | null;
  requests: Record<string, string>;
  limits: Record<string, string>;
}

export interface PodDetail {
  namespace: string;
  name: string;
  phase: string;
  reason: string | null;
  message: string | null;
  node: string | null;
  qosClass: string | null;
  podIP: string | null;
  createdAt: string | null;
  startedAt: string | null;
  deleting: boolean;
  /** `Kind/name` of its controller. */
  owner: string | null;
  conditions: (Condition & { since: string | null })[];
  containers: ContainerDetail[];
}

/**
 * A Pod as its page shows it, read from the object the API server answers
 * with. Note: only state, resources and identity are copied; env, args and
 * volumes (which can hold inline values) are not.
 */
export function podDetail(raw: unknown): PodDetail {
  const o = asObject(raw);
  const spec = asObject(o.spec);
  const status = asObject(o.status);
  const owner = list(meta(o).ownerReferences)
    .map(asObject)
    .find((r) => r.controller === true);
  const statuses = new Map(
    [...list(status.initContainerStatuses), ...list(status.containerStatuses)].map(asObject).map((s) => [`${text(s.name)}`, s] as const),
  );
  const containers = [
    ...list(spec.initContainers).map((c) => ({ c: asObject(c), init: true })),
    ...list(spec.containers).map((c) => ({ c: asObject(c), init: false })),
  ].map(({ c, init }): ContainerDetail => {
    const s = statuses.get(text(c.name)) ?? {};
    const resources = asObject(c.resources);
    const last = asObject(asObject(s.lastState).terminated);
    return {
      name: text(c.name),
      init,
      ...imageOf(c),
      ready: s.ready === true,
      restarts: count(s.restartCount),
      now: stateOf(asObject(s.state)),
      lastTermination: Object.keys(last).length
        ? {
            reason: textOrNull(last.reason),
            exitCode: typeof last.exitCode === "number" ? last.exitCode : null,
            startedAt: textOrNull(last.startedAt),
            finishedAt: textOrNull(last.finishedAt),
            message: textOrNull(last.message)?.slice(0, 2000) ?? null,
          }
        : null,
      requests: strings(resources.requests),
      limits: strings(resources.limits),
    };
  });
  return {
    namespace: text(meta(o).namespace),
    name: text(meta(o).name),
    phase: text(status.phase) || "Unknown",
    reason: textOrNull(status.reason),
    message: textOrNull(status.message),
    node: textOrNull(spec.nodeName),
    qosClass: textOrNull(status.qosClass),
    podIP: textOrNull(status.podIP),
    createdAt: textOrNull(meta(o).creationTimestamp),
    startedAt: textOrNull(status.startTime),
    deleting: Boolean(meta(o).deletionTimestamp),
    owner: owner ? `${text(owner.kind)}/${text(owner.name)}` : null,
    conditions: list(status.conditions).map((c) => ({ ...conditionOf(c), since: textOrNull(asObject(c).lastTransitionTime) })),
    containers,
  };
}

function stateOf(state: Raw): ContainerState {
  const [kind, value] = Object.entries(state).find(([k]) => k === "running" || k === "waiting" || k === "terminated") ?? ["unknown", {}];
  const v = asObject(value);
  return {
    state: kind as ContainerState["state"],
    reason: textOrNull(v.reason),
    message: textOrNull(v.message)?.slice(0, 2000) ?? null,
    since: textOrNull(v.finishedAt) ?? textOrNull(v.startedAt),
    exitCode: typeof v.exitCode === "number" ? v.exitCode : null,
  };
}

function strings(value: unknown): Record<string, string> {
  return Object.fromEntries(Object.entries(asObject(value)).filter((e): e is [string, string] => typeof e[1] === "string"));
}
