import { describe, expect, it } from "vitest";
import { summariseObject } from "./summarise-object";

describe("summariseObject", () => {
  it("keeps a Secret's name, type, keys, owner and age, and never its values", () => {
    const marker = Buffer.from("hunter2-value-marker").toString("base64");
    const raw = {
      metadata: {
        name: "rds-instance-output",
        namespace: "team-a",
        creationTimestamp: "2026-11-01T10:00:00Z",
        ownerReferences: [{ kind: "ExternalSecret", name: "db", uid: "u1" }],
        annotations: { "kubectl.kubernetes.io/last-applied-configuration": `{"data":{"password":"${marker}"}}` },
      },
      type: "Opaque",
      data: { password: marker, host: marker },
      stringData: { extra: "hunter2-value-marker" },
    };
    const record = summariseObject("secrets", raw);
    expect(record).toEqual({
      namespace: "team-a",
      name: "rds-instance-output",
      type: "Opaque",
      keys: ["host", "password"],
      owner: "ExternalSecret/db",
      createdAt: "2026-11-01T10:00:00Z",
    });
    expect(JSON.stringify(record)).not.toMatch(/hunter2|aHVudGVy/);
  });

  it("keeps a ConfigMap's name and keys (data and binaryData), and never its values", () => {
    const raw = {
      metadata: {
        name: "app-config",
        namespace: "team-a",
        creationTimestamp: "2026-11-01T10:00:00Z",
        annotations: { "kubectl.kubernetes.io/last-applied-configuration": `{"data":{"LOG_LEVEL":"hunter2-value-marker"}}` },
      },
      data: { LOG_LEVEL: "hunter2-value-marker", "app.yaml": "hunter2-value-marker" },
      binaryData: { "logo.png": Buffer.from("hunter2-value-marker").toString("base64") },
    };
    const record = summariseObject("configmaps", raw);
    expect(record).toEqual({ namespace: "team-a", name: "app-config", keys: ["LOG_LEVEL", "app.yaml", "logo.png"], createdAt: "2026-11-01T10:00:00Z" });
    expect(JSON.stringify(record)).not.toMatch(/hunter2|aHVudGVy/);
  });

  it("reads the Secrets and ConfigMaps a deployment's pod template references, with optional, and never an inline env value", () => {
    const record = summariseObject("deployments", {
      metadata: { name: "web", namespace: "team-a", uid: "d1" },
      spec: {
        template: {
          spec: {
            initContainers: [{ name: "migrate", envFrom: [{ secretRef: { name: "db" } }] }],
            containers: [
              {
                name: "app",
                env: [
                  { name: "PLAIN", value: "hunter2-value-marker" },
                  { name: "DB_HOST", valueFrom: { secretKeyRef: { name: "db", key: "host" } } },
                  { name: "FLAG", valueFrom: { configMapKeyRef: { name: "flags", key: "flag", optional: true } } },
                  { name: "POD", valueFrom: { fieldRef: { fieldPath: "metadata.name" } } },
                ],
                envFrom: [{ configMapRef: { name: "app-config" }, prefix: "APP_" }],
              },
            ],
            volumes: [
              {
                name: "certs",
                secret: {
                  secretName: "tls",
                  items: [
                    { key: "tls.crt", path: "c" },
                    { key: "tls.key", path: "k" },
                  ],
                },
              },
              { name: "conf", configMap: { name: "nginx", optional: true } },
              { name: "both", projected: { sources: [{ secret: { name: "proj" } }, { serviceAccountToken: { path: "t" } }] } },
              { name: "tmp", emptyDir: {} },
            ],
            imagePullSecrets: [{ name: "dockerhub-credentials" }],
          },
        },
      },
    });
    expect(record.refs).toEqual([
      { kind: "Secret", name: "db", key: null, via: "envFrom", as: "", container: "migrate", optional: false },
      { kind: "Secret", name: "db", key: "host", via: "env", as: "DB_HOST", container: "app", optional: false },
      { kind: "ConfigMap", name: "flags", key: "flag", via: "env", as: "FLAG", container: "app", optional: true },
      { kind: "ConfigMap", name: "app-config", key: null, via: "envFrom", as: "APP_", container: "app", optional: false },
      { kind: "Secret", name: "tls", key: "tls.crt", via: "volume", as: "certs", container: null, optional: false },
      { kind: "Secret", name: "tls", key: "tls.key", via: "volume", as: "certs", container: null, optional: false },
      { kind: "ConfigMap", name: "nginx", key: null, via: "volume", as: "conf", container: null, optional: true },
      { kind: "Secret", name: "proj", key: null, via: "volume", as: "both", container: null, optional: false },
      { kind: "Secret", name: "dockerhub-credentials", key: null, via: "imagePullSecret", as: "", container: null, optional: false },
    ]);
    expect(JSON.stringify(record)).not.toContain("hunter2");
  });

  it("reads a ReplicaSet's revision, images, replicas and age", () => {
    const record = summariseObject("replicasets", {
      metadata: {
        name: "web-7d4",
        namespace: "team-a",
        creationTimestamp: "2026-11-01T10:00:00Z",
        annotations: { "deployment.kubernetes.io/revision": "7" },
        ownerReferences: [{ kind: "Deployment", name: "web", uid: "d1" }],
      },
      spec: { replicas: 3, template: { spec: { containers: [{ name: "app", image: "repo/web:abc123" }] } } },
      status: { replicas: 3, readyReplicas: 2 },
    });
    expect(record).toEqual({
      namespace: "team-a",
      name: "web-7d4",
      deploymentUid: "d1",
      revision: 7,
      images: [{ container: "app", image: "repo/web:abc123", tag: "abc123" }],
      desired: 3,
      ready: 2,
      createdAt: "2026-11-01T10:00:00Z",
    });
    expect(summariseObject("replicasets", { metadata: { annotations: { "deployment.kubernetes.io/revision": "x" } } }).revision).toBeNull();
  });

  it("summarises a pod: ready containers, restarts, the latest termination reason, waiting reason, node and owner", () => {
    const record = summariseObject("pods", {
      metadata: { name: "web-7d4-abcde", namespace: "team-a", ownerReferences: [{ kind: "ReplicaSet", name: "web-7d4", uid: "rs1" }] },
      spec: { nodeName: "node-1", containers: [{ name: "app" }, { name: "sidecar" }] },
      status: {
        phase: "Running",
        containerStatuses: [
          {
            name: "app",
            ready: false,
            restartCount: 3,
            state: { waiting: { reason: "CrashLoopBackOff" } },
            lastState: { terminated: { reason: "Error", finishedAt: "2026-11-01T10:00:00Z" } },
          },
          { name: "sidecar", ready: true, restartCount: 1, lastState: { terminated: { reason: "OOMKilled", finishedAt: "2026-11-01T11:00:00Z" } } },
        ],
      },
    });
    expect(record).toMatchObject({
      phase: "Running",
      readyContainers: 1,
      containers: 2,
      restarts: 4,
      lastTerminationReason: "OOMKilled",
      waitingReason: "CrashLoopBackOff",
      node: "node-1",
      replicaSet: "web-7d4",
      deleting: false,
    });
  });

  it("reads images and tags, including registries with ports and digests", () => {
    const record = summariseObject("deployments", {
      metadata: { name: "web", namespace: "team-a", uid: "d1", generation: 2 },
      spec: {
        replicas: 3,
        template: {
          spec: {
            containers: [
              { name: "a", image: "registry:5000/team/web:1.2.3" },
              { name: "b", image: "nginx" },
              { name: "c", image: "x/y@sha256:abc" },
            ],
          },
        },
      },
      status: {
        replicas: 3,
        readyReplicas: 2,
        updatedReplicas: 3,
        availableReplicas: 2,
        observedGeneration: 2,
        conditions: [{ type: "Available", status: "False", reason: "MinimumReplicasUnavailable" }],
      },
    });
    expect(record.images.map((i) => i.tag)).toEqual(["1.2.3", null, "sha256:abc"]);
    expect(record).toMatchObject({
      desired: 3,
      ready: 2,
      current: 3,
      generation: 2,
      observedGeneration: 2,
      conditions: [{ type: "Available", status: "False", reason: "MinimumReplicasUnavailable", message: null }],
    });
  });

  it("treats a namespace being deleted as Terminating and tolerates missing fields", () => {
    expect(summariseObject("namespaces", { metadata: { name: "old", deletionTimestamp: "2026-11-01T00:00:00Z" }, status: { phase: "Active" } }).phase).toBe(
      "Terminating",
    );
    expect(summariseObject("pods", {})).toMatchObject({ name: "", phase: "Unknown", restarts: 0, containers: 0 });
    expect(summariseObject("deployments", { spec: {} }).desired).toBe(1);
  });
});
