/**
 * Measures the cluster cache in a fresh process (so its heap holds nothing
 * else): the memory of 2,000 namespaces, 10,000 deployments (30,000
 * replicasets) and 50,000 pods, with secrets and config maps, as slim records,
 * the cost of applying one watch event, and of a namespace's status with its
 * secrets wiring. Prints JSON.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { ClusterCache } from "../../lib/clusters/cluster-cache";
import type { WatchedKind } from "../../lib/clusters/kinds";
import { namespaceStatus } from "../../lib/clusters/namespace-status";
import { secretsWiring } from "../../lib/clusters/secrets-wiring";
import { summariseObject } from "../../lib/clusters/summarise-object";
import { clusterObjects, pod } from "./cluster-objects";
import { summarize } from "./stats";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const KINDS: Record<string, WatchedKind> = {
  Namespace: "namespaces",
  Deployment: "deployments",
  ReplicaSet: "replicasets",
  Pod: "pods",
  Event: "events",
  ResourceQuota: "resourcequotas",
  Secret: "secrets",
  ConfigMap: "configmaps",
};
const shape = { namespaces: 2000, deploymentsPerNamespace: 5, podsPerNamespace: 25 };
const names = Array.from({ length: shape.namespaces }, (_, i) => `bench-ns-${i}`);

function heapMb(): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

const before = heapMb();
const cache = new ClusterCache();
let summariseMs = 0;
// Built in chunks, as paged lists arrive, so the raw objects never all exist at once.
for (let i = 0; i < shape.namespaces; i += 100) {
  const page = JSON.stringify(clusterObjects({ ...shape, namespaces: 100 }, names.slice(i, i + 100)));
  const t = performance.now();
  for (const raw of JSON.parse(page) as { kind: string }[]) {
    const kind = KINDS[raw.kind]!;
    cache.apply(kind, "ADDED", summariseObject(kind, raw));
  }
  summariseMs += performance.now() - t;
}
const cacheMb = heapMb() - before;

// Watch events: a pod restarting, as the watch delivers it (parsed JSON in, record applied).
const events = Array.from({ length: 20_000 }, (_, i) => {
  const ns = names[i % names.length]!;
  return JSON.stringify({
    type: "MODIFIED",
    object: pod(
      {
        name: `app-1-7d9f1-${(i % 5).toString(36).padStart(5, "x")}`,
        namespace: ns,
        resourceVersion: String(10_000_000 + i),
        creationTimestamp: "2026-10-01T09:00:00Z",
      },
      "app-1",
      "img:1",
      i,
    ),
  });
});
const applyMs: number[] = [];
for (const line of events) {
  const t = performance.now();
  const event = JSON.parse(line) as { type: "MODIFIED"; object: unknown };
  cache.apply("pods", event.type, summariseObject("pods", event.object));
  applyMs.push(performance.now() - t);
}
const statusMs: number[] = [];
for (let i = 0; i < 500; i++) {
  const t = performance.now();
  JSON.stringify(namespaceStatus(cache, names[(i * 37) % names.length]!));
  statusMs.push(performance.now() - t);
}
// The repository's side: two kubernetes_secret blocks, one the cluster has and one it lacks.
const declared = [
  { label: "rds", name: "rds-instance-output", keys: ["endpoint", "password", "url"], modules: ["rds"], file: "resources/rds.tf" },
  { label: "queue", name: "queue-output", keys: ["sqs_url"], modules: ["queue"], file: "resources/sqs.tf" },
];
const wiringMs: number[] = [];
for (let i = 0; i < 500; i++) {
  const name = names[(i * 37) % names.length]!;
  const t = performance.now();
  JSON.stringify({ live: namespaceStatus(cache, name), wiring: secretsWiring(name, cache.objectsIn(name), declared) });
  wiringMs.push(performance.now() - t);
}
const micro = (s: ReturnType<typeof summarize>) => ({ ...s, medianUs: Math.round(s.median * 1000), p95Us: Math.round(s.p95 * 1000) });
console.log(
  JSON.stringify({
    sizes: cache.size(),
    cacheMb: Math.round(cacheMb),
    listParseAndStoreMs: Math.round(summariseMs),
    eventApplyMs: micro(summarize(applyMs)),
    namespaceStatusMs: summarize(statusMs),
    namespaceStatusWithWiringMs: summarize(wiringMs),
  }),
);
