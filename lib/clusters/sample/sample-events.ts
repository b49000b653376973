import type { Rng } from "../../environments/sample/create-rng";
import { secondsBefore, stamp, type KubeObject } from "./kube-object";
import { hex, objectMeta } from "./sample-names";

/** An event before it is an object: what happened to what, and who said so. */
export interface EventSeed {
  type: "Normal" | "Warning";
  reason: string;
  message: string;
  involved: KubeObject;
  /** The reporting component: kubelet, default-scheduler, deployment-controller. */
  component: string;
  host?: string;
  fieldPath?: string;
  count: number;
}

/** A reference to an object, as ownerReferences and involvedObject write it. */
export function objectRef(object: KubeObject) {
  return { apiVersion: object.apiVersion, kind: object.kind, name: object.metadata.name, uid: object.metadata.uid };
}

/**
 * A core/v1 Event. Its name is the involved object's plus a hex suffix, as
 * client-go's recorder names them; times are within the last hour, since
 * the API server forgets events after one.
 */
export function sampleEvent(rng: Rng, seed: EventSeed, now: Date): KubeObject {
  const last = secondsBefore(now, rng.int(5, 3000));
  const first = seed.count > 1 ? secondsBefore(last, seed.count * rng.int(10, 30)) : last;
  const { involved } = seed;
  return {
    apiVersion: "v1",
    kind: "Event",
    metadata: objectMeta(rng, `${involved.metadata.name}.${hex(rng, 16)}`, involved.metadata.namespace ?? "default", first),
    involvedObject: { ...objectRef(involved), namespace: involved.metadata.namespace, ...(seed.fieldPath ? { fieldPath: seed.fieldPath } : {}) },
    reason: seed.reason,
    message: seed.message,
    source: seed.host ? { component: seed.component, host: seed.host } : { component: seed.component },
    firstTimestamp: stamp(first),
    lastTimestamp: stamp(last),
    count: seed.count,
    type: seed.type,
    eventTime: null,
    reportingComponent: "",
    reportingInstance: "",
  };
}

/** A namespace's 2-6 events: every warning first (they are what matters), then a few routine ones. */
export function pickEvents(rng: Rng, seeds: EventSeed[], now: Date): KubeObject[] {
  if (seeds.length === 0) return [];
  const warnings = seeds.filter((s) => s.type === "Warning");
  const normals = seeds.filter((s) => s.type === "Normal");
  const want = Math.min(seeds.length, rng.int(2, 6));
  const chosen = [...warnings.slice(0, want), ...rng.sample(normals, Math.max(0, want - warnings.length))];
  return chosen.map((seed) => sampleEvent(rng, seed, now));
}
