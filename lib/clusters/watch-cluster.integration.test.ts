import { PatchStrategy, setHeaderOptions, KubeConfig, type V1Pod } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { isExpired } from "./cluster-source";
import { watchCluster, type ClusterWatcher } from "./cluster-watcher";
import { createKubeClusterSource } from "./kube-cluster-source";
import { namespaceStatus } from "./namespace-status";
import { podDetail } from "./pod-detail";
import { secretsWiring } from "./secrets-wiring";
import { startRealCluster, type RealCluster } from "./testing/real-cluster";

// Against a genuine kube-apiserver 1.20 with etcd and kube-controller-manager
// (scripts/kube). The controllers create replicasets and pods; the tests play
// the kubelet by patching pod status.

const SECRET_MARKER = "integration-secret-value-7f3a";
const merge = setHeaderOptions("Content-Type", PatchStrategy.MergePatch);
const fast = { backoff: { initialMs: 100, maxMs: 1000 } };

let cluster: RealCluster;
let watcher: ClusterWatcher;

beforeAll(async () => {
  cluster = await startRealCluster();
  // Berth's own read-only role: exactly the kinds it watches, get/list/watch.
  await cluster.rbac.createClusterRole({
    body: {
      metadata: { name: "berth-reader" },
      rules: [
        { apiGroups: [""], resources: ["namespaces", "pods", "events", "resourcequotas", "secrets", "configmaps"], verbs: ["get", "list", "watch"] },
        { apiGroups: ["apps"], resources: ["deployments", "replicasets"], verbs: ["get", "list", "watch"] },
      ],
    },
  });
  await cluster.core.createNamespace({ body: { metadata: { name: "team-a" } } });
  await cluster.core.createNamespacedSecret({
    namespace: "team-a",
    body: { metadata: { name: "rds-instance-output" }, stringData: { database_password: SECRET_MARKER, rds_instance_endpoint: `${SECRET_MARKER}.rds` } },
  });
  await cluster.core.createNamespacedResourceQuota({
    namespace: "team-a",
    body: { metadata: { name: "namespace-quota" }, spec: { hard: { pods: "50", "requests.cpu": "4" } } },
  });
  await cluster.apps.createNamespacedDeployment({ namespace: "team-a", body: deployment("web", "registry.example/team-a/web:1.0.0", 2) });
}, 180_000);

afterAll(async () => {
  watcher?.stop();
  await cluster?.stop();
});

// The namespace's quota limits requests.cpu, so the quota admission refuses pods that request none.
const container = (image: string) => ({ name: "app", image, resources: { requests: { cpu: "100m" } } });

function deployment(name: string, image: string, replicas: number) {
  return {
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [container(image)] } },
    },
  };
}

function viewerWatcher(): ClusterWatcher {
  const config = new KubeConfig();
  config.loadFromFile(cluster.viewerKubeconfig);
  return watchCluster({ name: "test", source: createKubeClusterSource(config), informer: fast });
}

async function pods(namespace: string, app: string): Promise<V1Pod[]> {
  return (await cluster.core.listNamespacedPod({ namespace, labelSelector: `app=${app}` })).items;
}

/** Plays the kubelet: the pod runs, its container is ready (or restarted `restarts` times). */
async function runPod(pod: V1Pod, restarts = 0): Promise<void> {
  const now = new Date().toISOString();
  await cluster.core.patchNamespacedPodStatus(
    {
      name: pod.metadata!.name!,
      namespace: pod.metadata!.namespace!,
      body: {
        status: {
          phase: "Running",
          conditions: [{ type: "Ready", status: "True", lastTransitionTime: now }],
          containerStatuses: [
            {
              name: "app",
              image: pod.spec!.containers[0]!.image,
              imageID: "",
              ready: true,
              restartCount: restarts,
              started: true,
              state: { running: { startedAt: now } },
              ...(restarts > 0 ? { lastState: { terminated: { exitCode: 137, reason: "OOMKilled", finishedAt: now } } } : {}),
            },
          ],
        },
      },
    },
    merge,
  );
}

// Note: generous timeouts, since a fresh CI machine starts the controllers slowly; each wait still ends as soon as it holds.
describe("watching a real API server", { timeout: 180_000 }, () => {
  it("refuses to sync without read access to every kind, and names what is forbidden", async () => {
    const denied = viewerWatcher();
    try {
      await vi.waitFor(() => expect(denied.health().state).toBe("unreachable"), { timeout: 15_000 });
      expect(denied.health().reason).toMatch(/^403: .*forbidden/);
    } finally {
      denied.stop();
    }
  });

  it("lists everything once the reader role is bound, with secrets' keys and no values", async () => {
    await cluster.rbac.createClusterRoleBinding({
      body: {
        metadata: { name: "berth-reader" },
        roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "berth-reader" },
        subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "User", name: "berth-viewer" }],
      },
    });
    await vi.waitFor(async () => expect(await pods("team-a", "web")).toHaveLength(2), { timeout: 30_000 });
    watcher = viewerWatcher();
    await vi.waitFor(() => expect(watcher.health().state).toBe("synced"), { timeout: 30_000 });
    await vi.waitFor(() => expect(namespaceStatus(watcher.cache, "team-a").pods).toHaveLength(2), { timeout: 15_000 });

    const status = namespaceStatus(watcher.cache, "team-a");
    expect(status.phase).toBe("Active");
    expect(status.deployments).toMatchObject([
      { name: "web", desired: 2, ready: 0, images: [{ container: "app", image: "registry.example/team-a/web:1.0.0", tag: "1.0.0" }] },
    ]);
    expect(status.pods.every((p) => p.deployment === "web" && p.phase === "Pending")).toBe(true);
    expect(status.secrets.find((s) => s.name === "rds-instance-output")).toMatchObject({
      type: "Opaque",
      keys: ["database_password", "rds_instance_endpoint"],
    });
    expect(status.quota.find((q) => q.resource === "pods")).toMatchObject({ hard: "50" });
    expect(status.events.some((e) => e.reason === "ScalingReplicaSet")).toBe(true);
    expect(watcher.cache.namespaces.has("kube-system")).toBe(true);
    // Note: the cache is the only place Berth keeps cluster data; no value may be in it.
    const cached = JSON.stringify(collectCache(watcher));
    expect(cached).toContain("rds_instance_endpoint");
    expect(cached).not.toContain(SECRET_MARKER);
    expect(cached).not.toContain(Buffer.from(SECRET_MARKER).toString("base64").slice(0, 16));
  });

  it("computes secrets wiring from real Deployments, Secrets and ConfigMaps, flagging a missing key, and keeps no ConfigMap value", async () => {
    await cluster.core.createNamespacedConfigMap({ namespace: "team-a", body: { metadata: { name: "worker-config" }, data: { LOG_LEVEL: SECRET_MARKER } } });
    const secretKey = (name: string, key: string) => ({ secretKeyRef: { name, key } });
    await cluster.apps.createNamespacedDeployment({
      namespace: "team-a",
      body: {
        metadata: { name: "worker" },
        spec: {
          replicas: 0,
          selector: { matchLabels: { app: "worker" } },
          template: {
            metadata: { labels: { app: "worker" } },
            spec: {
              containers: [
                {
                  ...container("registry.example/team-a/worker:2.0.0"),
                  env: [
                    { name: "DATABASE_PASSWORD", valueFrom: secretKey("rds-instance-output", "database_password") },
                    { name: "DATABASE_NAME", valueFrom: secretKey("rds-instance-output", "database_name") },
                    { name: "LOG_LEVEL", valueFrom: { configMapKeyRef: { name: "worker-config", key: "LOG_LEVEL" } } },
                  ],
                  envFrom: [{ configMapRef: { name: "absent-config", optional: true } }],
                  volumeMounts: [{ name: "tls", mountPath: "/tls" }],
                },
              ],
              volumes: [{ name: "tls", secret: { secretName: "worker-tls" } }],
            },
          },
        },
      },
    });
    await vi.waitFor(() => expect(watcher.cache.objectsIn("team-a").configmaps.size).toBeGreaterThan(0), { timeout: 15_000 });
    await vi.waitFor(() => expect(namespaceStatus(watcher.cache, "team-a").deployments.map((d) => d.name)).toContain("worker"), { timeout: 15_000 });
    const declared = [
      {
        label: "rds",
        name: "rds-instance-output",
        keys: ["database_name", "database_password", "rds_instance_endpoint"],
        modules: ["rds"],
        file: "resources/rds.tf",
      },
    ];
    const wiring = secretsWiring("team-a", watcher.cache.objectsIn("team-a"), declared);
    expect(wiring.resources[0]).toMatchObject({ secret: "rds-instance-output", cluster: { exists: true, missingKeys: ["database_name"], extraKeys: [] } });
    expect(wiring.resources[0]!.usedBy.map((u) => u.deployment)).toEqual(["worker"]);
    const worker = wiring.deployments.find((d) => d.deployment === "worker")!;
    expect(worker.refs.map((r) => `${r.kind}/${r.name}/${r.key ?? "*"}/${r.via}:${r.problem ?? "ok"}`)).toEqual([
      "Secret/rds-instance-output/database_password/env:ok",
      "Secret/rds-instance-output/database_name/env:missing-key",
      "ConfigMap/worker-config/LOG_LEVEL/env:ok",
      "ConfigMap/absent-config/*/envFrom:ok",
      "Secret/worker-tls/*/volume:missing-object",
    ]);
    expect(worker.problems).toBe(2);
    expect(wiring.deployments.find((d) => d.deployment === "web")!.refs).toEqual([]);
    expect(watcher.cache.objectsIn("team-a").configmaps.get("team-a/worker-config")).toMatchObject({ keys: ["LOG_LEVEL"] });
    // Note: ConfigMap values are dropped as Secrets' are; kube-root-ca.crt's certificate neither.
    const cached = JSON.stringify([...watcher.cache.objectsIn("team-a").configmaps.values()]);
    expect(cached).not.toContain(SECRET_MARKER);
    expect(cached).not.toContain("BEGIN CERTIFICATE");
  });

  it("follows pods starting and restarting, live", async () => {
    const [first, second] = await pods("team-a", "web");
    await runPod(first!);
    await runPod(second!);
    await vi.waitFor(
      () => expect(namespaceStatus(watcher.cache, "team-a").deployments[0]).toMatchObject({ ready: 2, available: 2, healthy: true, rollout: "complete" }),
      { timeout: 20_000 },
    );

    await runPod(first!, 3);
    await vi.waitFor(
      () =>
        expect(namespaceStatus(watcher.cache, "team-a").pods.find((p) => p.name === first!.metadata!.name)).toMatchObject({
          restarts: 3,
          lastTerminationReason: "OOMKilled",
          readyContainers: 1,
        }),
      { timeout: 10_000 },
    );
    // The pod page reads the pod live: its last termination, with the exit code the cache does not keep.
    const detail = podDetail(await watcher.readPod("team-a", first!.metadata!.name!));
    expect(detail.containers[0]).toMatchObject({
      name: "app",
      restarts: 3,
      lastTermination: { reason: "OOMKilled", exitCode: 137 },
      requests: { cpu: "100m" },
    });
    expect(await watcher.readPod("team-a", "no-such-pod")).toBeNull();
  });

  it("follows a deployment rolling out a new image through its new replicaset", async () => {
    await cluster.apps.patchNamespacedDeployment(
      { name: "web", namespace: "team-a", body: { spec: { template: { spec: { containers: [container("registry.example/team-a/web:1.1.0")] } } } } },
      merge,
    );
    await vi.waitFor(
      () => expect(namespaceStatus(watcher.cache, "team-a").deployments[0]).toMatchObject({ rollout: "progressing", images: [{ tag: "1.1.0" }] }),
      { timeout: 15_000 },
    );

    // The controller surges one new pod at a time; the kubelet readies each.
    await vi.waitFor(
      async () => {
        for (const pod of await pods("team-a", "web")) {
          if (pod.spec!.containers[0]!.image?.endsWith(":1.1.0") && pod.status?.phase !== "Running") await runPod(pod);
        }
        expect(namespaceStatus(watcher.cache, "team-a").deployments[0]).toMatchObject({ rollout: "complete", updated: 2, ready: 2 });
      },
      { timeout: 30_000, interval: 300 },
    );
    // Rollout history: the new ReplicaSet is revision 2 and current, the first one scaled to zero.
    expect(namespaceStatus(watcher.cache, "team-a").deployments[0]!.revisions.map((r) => [r.revision, r.images[0]!.tag, r.desired, r.current])).toEqual([
      [2, "1.1.0", 2, true],
      [1, "1.0.0", 0, false],
    ]);
    const live = namespaceStatus(watcher.cache, "team-a").pods;
    expect(live).toHaveLength(2);
    expect(live.every((p) => p.deployment === "web")).toBe(true);
  });

  it("keeps the last data while the control plane is down, then resumes (re-listing after 410 Gone)", async () => {
    const listsBefore = watcher.lists().namespaces;
    // A change to a kind Berth does not watch moves etcd's revision past every watch's.
    await cluster.core.createNamespacedServiceAccount({ namespace: "default", body: { metadata: { name: "bump" } } });
    await cluster.stopControlPlane();
    await vi.waitFor(() => expect(watcher.health().state).toBe("unreachable"), { timeout: 15_000 });
    const down = watcher.health();
    expect(down.lastSyncedAt).toBeInstanceOf(Date);
    expect(down.reason).toMatch(/ECONNREFUSED|socket hang up|ECONNRESET/);
    expect(namespaceStatus(watcher.cache, "team-a").pods).toHaveLength(2);

    await cluster.startControlPlane();
    await vi.waitFor(() => expect(watcher.health().state).toBe("synced"), { timeout: 30_000 });
    await cluster.core.createNamespace({ body: { metadata: { name: "after-restart" } } });
    await vi.waitFor(() => expect(watcher.cache.namespaces.get("after-restart")?.phase).toBe("Active"), { timeout: 15_000 });
    expect(watcher.lists().namespaces).toBeGreaterThan(listsBefore);
  });

  it("answers a watch from a resourceVersion older than the restarted server keeps with 410 Gone", async () => {
    const source = createKubeClusterSource(cluster.admin);
    const { resourceVersion } = await source.list("namespaces", { limit: 1 });
    await cluster.core.createNamespace({ body: { metadata: { name: "before-second-restart" } } });
    await cluster.stopControlPlane();
    await cluster.startControlPlane();
    const events: string[] = [];
    const handle = source.watch("namespaces", resourceVersion, {
      onOpen: () => {},
      onEvent: (e) => void events.push(`${e.type}:${(e.object as { code?: number }).code ?? ""}`),
    });
    const outcome = await handle.done.then(
      () => events,
      (error: unknown) => (isExpired(error) ? ["HTTP 410"] : [String(error)]),
    );
    expect(outcome.some((e) => e === "ERROR:410" || e === "HTTP 410")).toBe(true);
  });

  it("shows a cluster that was never reachable as unreachable, without data", async () => {
    const config = new KubeConfig();
    config.loadFromOptions({
      clusters: [{ name: "gone", server: "https://127.0.0.1:9", skipTLSVerify: true }],
      users: [{ name: "u", token: "t" }],
      contexts: [{ name: "gone", cluster: "gone", user: "u" }],
      currentContext: "gone",
    });
    const gone = watchCluster({ name: "gone", source: createKubeClusterSource(config), informer: fast });
    try {
      await vi.waitFor(() => expect(gone.health()).toMatchObject({ state: "unreachable", lastSyncedAt: null }), { timeout: 10_000 });
      expect(gone.health().reason).toMatch(/ECONNREFUSED/);
    } finally {
      gone.stop();
    }
  });
});

function collectCache(w: ClusterWatcher): unknown[] {
  return [...w.cache.namespaces.keys()].map((name) => namespaceStatus(w.cache, name));
}
