/**
 * Full Kubernetes objects, shaped as a real API server sends them, for the
 * cluster bench: `namespaces` namespaces, each with `deployments` deployments
 * (and their replicasets: the current revision and two earlier ones scaled to zero), `pods` pods, two secrets,
 * two config maps, a quota and five events.
 * Pods carry the managed fields, probes and env a real pod has, so that the
 * bench pays the real cost of reading and summarising them.
 */
export interface BenchShape {
  namespaces: number;
  deploymentsPerNamespace: number;
  podsPerNamespace: number;
}

export function benchNamespaceNames(count: number, names: readonly string[]): string[] {
  return names.slice(0, count);
}

export function clusterObjects(shape: BenchShape, names: readonly string[]): unknown[] {
  const out: unknown[] = [];
  const created = "2026-10-01T09:00:00Z";
  let rv = 1000;
  const meta = (name: string, namespace: string | undefined, extra: Record<string, unknown> = {}) => ({
    name,
    ...(namespace ? { namespace } : {}),
    uid: `${rv.toString(16).padStart(8, "0")}-0000-4000-8000-${(rv++).toString(16).padStart(12, "0")}`,
    resourceVersion: String(rv),
    creationTimestamp: created,
    ...extra,
  });
  for (const ns of names.slice(0, shape.namespaces)) {
    out.push({
      apiVersion: "v1",
      kind: "Namespace",
      metadata: meta(ns, undefined, { labels: { "kubernetes.io/metadata.name": ns } }),
      spec: { finalizers: ["kubernetes"] },
      status: { phase: "Active" },
    });
    for (let d = 0; d < shape.deploymentsPerNamespace; d++) {
      const app = `app-${d}`;
      const image = `754256621582.dkr.ecr.eu-west-2.amazonaws.com/${ns}/${app}:${(1000 + d).toString(16)}a9c3e1`;
      const deployment = meta(app, ns, { generation: 3, labels: { app }, annotations: { "deployment.kubernetes.io/revision": "3" } });
      out.push({
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: deployment,
        spec: { replicas: 5, selector: { matchLabels: { app } }, template: podTemplate(app, image), strategy: { type: "RollingUpdate" } },
        status: {
          observedGeneration: 3,
          replicas: 5,
          updatedReplicas: 5,
          readyReplicas: d === 0 ? 4 : 5,
          availableReplicas: 5,
          conditions: [
            {
              type: "Available",
              status: "True",
              reason: "MinimumReplicasAvailable",
              message: "Deployment has minimum availability.",
              lastUpdateTime: created,
              lastTransitionTime: created,
            },
            {
              type: "Progressing",
              status: "True",
              reason: "NewReplicaSetAvailable",
              message: `ReplicaSet "${app}-7d9f" has successfully progressed.`,
              lastUpdateTime: created,
              lastTransitionTime: created,
            },
          ],
        },
      });
      for (const revision of [1, 2]) {
        out.push({
          apiVersion: "apps/v1",
          kind: "ReplicaSet",
          metadata: meta(`${app}-5c8${revision}${d}`, ns, {
            annotations: { "deployment.kubernetes.io/revision": String(revision) },
            ownerReferences: [{ apiVersion: "apps/v1", kind: "Deployment", name: app, uid: deployment.uid, controller: true }],
          }),
          spec: { replicas: 0, selector: { matchLabels: { app } }, template: podTemplate(app, image.replace(/:.*$/, `:old${revision}`)) },
          status: { replicas: 0, observedGeneration: 1 },
        });
      }
      const rs = `${app}-7d9f${d}`;
      out.push({
        apiVersion: "apps/v1",
        kind: "ReplicaSet",
        metadata: meta(rs, ns, {
          annotations: { "deployment.kubernetes.io/revision": "3" },
          ownerReferences: [{ apiVersion: "apps/v1", kind: "Deployment", name: app, uid: deployment.uid, controller: true }],
        }),
        spec: { replicas: 5, selector: { matchLabels: { app } }, template: podTemplate(app, image) },
        status: { replicas: 5, readyReplicas: 5, availableReplicas: 5, observedGeneration: 1 },
      });
      for (let p = 0; p < shape.podsPerNamespace / shape.deploymentsPerNamespace; p++)
        out.push(
          pod(
            meta(`${rs}-${p.toString(36).padStart(5, "x")}`, ns, {
              labels: { app },
              ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: rs, uid: "x", controller: true }],
            }),
            app,
            image,
            p,
          ),
        );
    }
    for (const name of ["rds-instance-output", "ecr-repo-output"]) {
      out.push({
        apiVersion: "v1",
        kind: "Secret",
        metadata: meta(name, ns),
        type: "Opaque",
        data: { endpoint: "ZW5kcG9pbnQ=", password: "c2VjcmV0LXZhbHVl", username: "dXNlcg==" },
      });
    }
    const cert = `-----BEGIN CERTIFICATE-----\n${"MIIC5zCCAc+gAwIBAgIBADANBgkqhkiG9w0BAQsFADAVMRMwEQYDVQQDEwprdWJl\n".repeat(16)}-----END CERTIFICATE-----\n`;
    out.push({ apiVersion: "v1", kind: "ConfigMap", metadata: meta("kube-root-ca.crt", ns), data: { "ca.crt": cert } });
    out.push({
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: meta("app-config", ns),
      data: { LOG_LEVEL: "info", PORT: "3000", "application.yaml": "server:\n  port: 3000\nfeatures:\n  search: true\n  export: false\n".repeat(4) },
    });
    out.push({
      apiVersion: "v1",
      kind: "ResourceQuota",
      metadata: meta("namespace-quota", ns),
      spec: { hard: { pods: "50", "requests.cpu": "8", "requests.memory": "16Gi" } },
      status: {
        hard: { pods: "50", "requests.cpu": "8", "requests.memory": "16Gi" },
        used: { pods: String(shape.podsPerNamespace), "requests.cpu": "2500m", "requests.memory": "5Gi" },
      },
    });
    for (let e = 0; e < 5; e++) {
      out.push({
        apiVersion: "v1",
        kind: "Event",
        metadata: meta(`app-0.${e}`, ns),
        type: e === 0 ? "Warning" : "Normal",
        reason: e === 0 ? "Unhealthy" : "Pulled",
        message: "Readiness probe failed: HTTP probe failed with statuscode: 503",
        involvedObject: { kind: "Pod", namespace: ns, name: "app-0" },
        count: e + 1,
        firstTimestamp: created,
        lastTimestamp: created,
        source: { component: "kubelet" },
      });
    }
  }
  return out;
}

function podTemplate(app: string, image: string) {
  return {
    metadata: { labels: { app } },
    spec: {
      containers: [
        {
          name: app,
          image,
          ports: [{ containerPort: 3000, protocol: "TCP" }],
          env: [
            { name: "NODE_ENV", value: "production" },
            { name: "DATABASE_URL", valueFrom: { secretKeyRef: { name: "rds-instance-output", key: "url" } } },
            { name: "DATABASE_PASSWORD", valueFrom: { secretKeyRef: { name: "rds-instance-output", key: "password" } } },
            { name: "LOG_LEVEL", valueFrom: { configMapKeyRef: { name: "app-config", key: "LOG_LEVEL" } } },
          ],
          envFrom: [{ secretRef: { name: "ecr-repo-output", optional: true } }, { configMapRef: { name: "app-config" } }],
          volumeMounts: [{ name: "ca", mountPath: "/etc/ca", readOnly: true }],
          resources: { requests: { cpu: "100m", memory: "256Mi" }, limits: { memory: "512Mi" } },
          readinessProbe: { httpGet: { path: "/health", port: 3000 }, periodSeconds: 10 },
          livenessProbe: { httpGet: { path: "/health", port: 3000 }, periodSeconds: 10 },
        },
      ],
      volumes: [{ name: "ca", configMap: { name: "kube-root-ca.crt" } }],
      serviceAccountName: "default",
      securityContext: { runAsNonRoot: true },
    },
  };
}

export function pod(metadata: Record<string, unknown>, app: string, image: string, restarts: number) {
  const at = "2026-10-01T09:00:05Z";
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      ...metadata,
      generateName: `${app}-`,
      managedFields: [
        {
          manager: "kube-controller-manager",
          operation: "Update",
          apiVersion: "v1",
          time: at,
          fieldsType: "FieldsV1",
          fieldsV1: { "f:metadata": { "f:generateName": {}, "f:labels": { ".": {}, "f:app": {} } }, "f:spec": { "f:containers": {} } },
        },
      ],
    },
    spec: {
      ...podTemplate(app, image).spec,
      nodeName: `ip-172-20-${restarts % 250}-${(restarts * 7) % 250}.eu-west-2.compute.internal`,
      restartPolicy: "Always",
      dnsPolicy: "ClusterFirst",
      tolerations: [{ key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 }],
    },
    status: {
      phase: "Running",
      hostIP: "172.20.1.1",
      podIP: "100.64.1.1",
      startTime: at,
      conditions: ["Initialized", "Ready", "ContainersReady", "PodScheduled"].map((type) => ({ type, status: "True", lastTransitionTime: at })),
      containerStatuses: [
        {
          name: app,
          ready: true,
          started: true,
          restartCount: restarts,
          image,
          imageID: `${image}@sha256:${"ab".repeat(32)}`,
          containerID: `containerd://${"cd".repeat(32)}`,
          state: { running: { startedAt: at } },
          lastState: restarts ? { terminated: { exitCode: 137, reason: "OOMKilled", startedAt: at, finishedAt: at } } : {},
        },
      ],
      qosClass: "Burstable",
    },
  };
}
