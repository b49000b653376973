import { describe, expect, it } from "vitest";
import { ClusterCache } from "./cluster-cache";
import { summariseObject } from "./summarise-object";
import { secretsWiring, type RepositorySecret } from "./secrets-wiring";

const ns = "team-a";
const secret = (name: string, keys: string[], type = "Opaque") =>
  summariseObject("secrets", { metadata: { name, namespace: ns }, type, data: Object.fromEntries(keys.map((k) => [k, "dmFsdWU="])) });

function cacheWith(): ClusterCache {
  const cache = new ClusterCache();
  cache.apply("secrets", "ADDED", secret("orders-db-output", ["database_name", "rds_instance_endpoint"]));
  cache.apply("secrets", "ADDED", secret("api-secrets", ["API_KEY"]));
  cache.apply("secrets", "ADDED", secret("old-secret", ["x"]));
  cache.apply("secrets", "ADDED", secret("default-token-abcde", ["token"], "kubernetes.io/service-account-token"));
  cache.apply("configmaps", "ADDED", summariseObject("configmaps", { metadata: { name: "api-config", namespace: ns }, data: { LOG_LEVEL: "info" } }));
  const container = {
    name: "api",
    env: [
      { name: "DB_NAME", valueFrom: { secretKeyRef: { name: "orders-db-output", key: "database_name" } } },
      { name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "orders-db-output", key: "database_password" } } },
      { name: "FEATURE", valueFrom: { configMapKeyRef: { name: "api-config", key: "FEATURE", optional: true } } },
      { name: "QUEUE", valueFrom: { secretKeyRef: { name: "queue-output", key: "sqs_url" } } },
    ],
    envFrom: [{ secretRef: { name: "api-secrets" } }, { configMapRef: { name: "api-config" } }, { configMapRef: { name: "flags", optional: true } }],
  };
  cache.apply(
    "deployments",
    "ADDED",
    summariseObject("deployments", {
      metadata: { name: "api", namespace: ns, uid: "d1" },
      spec: { template: { spec: { containers: [container], volumes: [{ name: "cfg", configMap: { name: "missing-config" } }] } } },
    }),
  );
  cache.apply(
    "deployments",
    "ADDED",
    summariseObject("deployments", {
      metadata: { name: "worker", namespace: ns, uid: "d2" },
      spec: {
        template: { spec: { containers: [{ name: "w", envFrom: [{ secretRef: { name: "orders-db-output" } }] }], imagePullSecrets: [{ name: "gone" }] } },
      },
    }),
  );
  return cache;
}

const declared: RepositorySecret[] = [
  {
    label: "orders_db",
    name: "orders-db-output",
    keys: ["database_name", "database_password", "rds_instance_endpoint"],
    modules: ["orders_db"],
    file: "resources/rds.tf",
  },
  { label: "queue", name: "queue-output", keys: ["sqs_url"], modules: ["queue"], file: "resources/sqs.tf" },
  { label: "read_replica", name: "replica-output", keys: ["endpoint"], modules: ["read_replica"], file: "resources/rds.tf", disabled: true },
  { label: "dynamic", name: null, keys: [], modules: [], file: "resources/x.tf" },
];

describe("secretsWiring", () => {
  const wiring = secretsWiring(ns, cacheWith().objectsIn(ns), declared);

  it("per resource: the Secret its kubernetes_secret writes, whether the cluster has it with those keys, and who reads it how", () => {
    const [db, queue, replica, dynamic] = wiring.resources;
    expect(db).toMatchObject({
      secret: "orders-db-output",
      modules: ["orders_db"],
      cluster: { exists: true, missingKeys: ["database_password"], extraKeys: [] },
    });
    expect(db!.usedBy.map((u) => [u.deployment, u.refs.map((r) => `${r.via}:${r.key ?? "*"}:${r.problem ?? "ok"}`)])).toEqual([
      ["api", ["env:database_name:ok", "env:database_password:missing-key"]],
      ["worker", ["envFrom:*:ok"]],
    ]);
    expect(queue).toMatchObject({ cluster: { exists: false, missingKeys: [], extraKeys: [] }, usedBy: [{ deployment: "api" }] });
    expect(replica!.cluster).toBeNull();
    expect(dynamic).toMatchObject({ secret: null, cluster: null, usedBy: [] });
  });

  it("per deployment: every reference, flagging missing objects and keys unless optional; an imagePullSecret is never a problem", () => {
    const api = wiring.deployments.find((d) => d.deployment === "api")!;
    expect(api.refs.map((r) => `${r.kind}/${r.name}/${r.key ?? "*"}:${r.problem ?? "ok"}`)).toEqual([
      "Secret/orders-db-output/database_name:ok",
      "Secret/orders-db-output/database_password:missing-key",
      "ConfigMap/api-config/FEATURE:ok",
      "Secret/queue-output/sqs_url:missing-object",
      "Secret/api-secrets/*:ok",
      "ConfigMap/api-config/*:ok",
      "ConfigMap/flags/*:ok",
      "ConfigMap/missing-config/*:missing-object",
    ]);
    expect(api.problems).toBe(3);
    expect(wiring.deployments.find((d) => d.deployment === "worker")!.problems).toBe(0);
  });

  it("lists Secrets no deployment reads, leaving out service-account tokens", () => {
    expect(wiring.unusedSecrets.map((s) => s.name)).toEqual(["old-secret"]);
  });
});
