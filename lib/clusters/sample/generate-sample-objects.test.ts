import { describe, expect, it } from "vitest";
import { generateSampleObjects, type SampleNamespaceInput } from "./generate-sample-objects";
import type { KubeObject } from "./kube-object";
import { SAMPLE_SECRET_MARKER, SAMPLE_SECRET_MARKER_BASE64 } from "./sample-namespace-objects";

const now = new Date("2026-01-05T09:00:00Z");
const namespaces: SampleNamespaceInput[] = Array.from({ length: 80 }, (_, i) => ({
  name: `service-${i}-${["dev", "staging", "prod"][i % 3]}`,
  production: i % 3 === 2,
  team: `team-${i % 9}`,
}));
const { objects, drift } = generateSampleObjects({ namespaces, seed: 7, now });
const ofKind = (kind: string) => objects.filter((o) => o.kind === kind);
const byUid = new Map(objects.map((o) => [o.metadata.uid, o]));

type Status = Record<string, unknown> & { conditions?: { type: string; status: string; reason: string }[] };
const status = (o: KubeObject) => o.status as Status;

describe("generateSampleObjects", () => {
  it("is deterministic, and one namespace more leaves the others as they were", () => {
    expect(generateSampleObjects({ namespaces, seed: 7, now }).objects).toEqual(objects);
    expect(generateSampleObjects({ namespaces, seed: 8, now }).objects).not.toEqual(objects);
    const more = generateSampleObjects({ namespaces: [...namespaces, { name: "extra-dev", production: false }], seed: 7, now });
    const inNamespace = (list: KubeObject[], ns: string) =>
      list.filter((o) => o.metadata.namespace === ns).map((o) => ({ ...o, metadata: { ...o.metadata, resourceVersion: "" } }));
    const skipped = [...drift.missing, ...drift.terminating, ...more.drift.missing, ...more.drift.terminating];
    const kept = namespaces.find((ns) => !skipped.includes(ns.name))!.name;
    expect(inNamespace(objects, kept).length).toBeGreaterThan(4);
    expect(inNamespace(more.objects, kept)).toEqual(inNamespace(objects, kept));
  });

  it("gives every object the metadata the API server gives, with distinct uids and increasing resourceVersions", () => {
    for (const o of objects) {
      expect(o.metadata).toMatchObject({
        name: expect.any(String),
        uid: expect.stringMatching(/^[0-9a-f-]{36}$/),
        creationTimestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      });
      expect(Date.parse(o.metadata.creationTimestamp)).toBeLessThanOrEqual(now.getTime());
    }
    expect(byUid.size).toBe(objects.length);
    expect(objects.map((o) => Number(o.metadata.resourceVersion))).toEqual(objects.map((_, i) => 1000 + i));
  });

  it("builds drift: a few repository namespaces missing, one or two terminating, three orphans", () => {
    const names = new Set(ofKind("Namespace").map((n) => n.metadata.name));
    expect(drift.missing.length).toBeGreaterThanOrEqual(1);
    expect(drift.missing.length).toBeLessThanOrEqual(4);
    for (const name of drift.missing) expect(names.has(name)).toBe(false);
    expect(drift.terminating.length).toBeGreaterThanOrEqual(1);
    expect(drift.terminating.length).toBeLessThanOrEqual(2);
    for (const name of drift.terminating) {
      const ns = ofKind("Namespace").find((n) => n.metadata.name === name)!;
      expect(ns.metadata.deletionTimestamp).toBeDefined();
      expect(ns.status).toEqual({ phase: "Terminating" });
    }
    expect(drift.orphans).toHaveLength(3);
    for (const name of [
      ...drift.orphans,
      "default",
      "kube-system",
      "kube-public",
      "kube-node-lease",
      "cert-manager",
      "ingress-controllers",
      "monitoring",
      "logging",
    ]) {
      expect(names.has(name)).toBe(true);
    }
    expect(names.size).toBe(namespaces.length - drift.missing.length + 8 + 3);
  });

  it("chains Pods to ReplicaSets to Deployments by uid, in the same namespace", () => {
    for (const child of [...ofKind("Pod"), ...ofKind("ReplicaSet")]) {
      const [ref] = child.metadata.ownerReferences!;
      const owner = byUid.get(ref!.uid)!;
      expect(owner).toBeDefined();
      expect([owner.kind, owner.metadata.name, owner.metadata.namespace]).toEqual([ref!.kind, ref!.name, child.metadata.namespace]);
      expect(ref!.kind).toBe(child.kind === "Pod" ? "ReplicaSet" : "Deployment");
    }
    for (const rs of ofKind("ReplicaSet")) expect(rs.metadata.annotations!["deployment.kubernetes.io/revision"]).toMatch(/^\d+$/);
    for (const pod of ofKind("Pod")) expect(pod.metadata.name).toMatch(new RegExp(`^${pod.metadata.ownerReferences![0]!.name}-[a-z0-9]{5}$`));
  });

  it("has mostly healthy Deployments and each kind of trouble", () => {
    const deployments = ofKind("Deployment");
    const healthy = deployments.filter(
      (d) => status(d).readyReplicas === (d.spec as { replicas: number }).replicas && status(d).conditions!.every((c) => c.status === "True"),
    );
    expect(healthy.length / deployments.length).toBeGreaterThan(0.7);
    const reasons = deployments.flatMap((d) => status(d).conditions!.map((c) => `${c.type}/${c.status}/${c.reason}`));
    expect(reasons).toContain("Progressing/False/ProgressDeadlineExceeded");
    expect(reasons).toContain("Progressing/True/ReplicaSetUpdated");
    const rolling = deployments.find((d) => status(d).conditions!.some((c) => c.reason === "ReplicaSetUpdated"))!;
    const sets = ofKind("ReplicaSet").filter(
      (rs) => rs.metadata.ownerReferences![0]!.uid === rolling.metadata.uid && (rs.spec as { replicas: number }).replicas > 0,
    );
    expect(sets).toHaveLength(2);
    type ContainerStatus = { state: { waiting?: { reason: string } }; lastState: { terminated?: { reason: string } } };
    const containers = ofKind("Pod").flatMap((p) => (status(p).containerStatuses as ContainerStatus[] | undefined) ?? []);
    expect(containers.some((c) => c.state.waiting?.reason === "CrashLoopBackOff")).toBe(true);
    expect(new Set(containers.map((c) => c.lastState.terminated?.reason).filter(Boolean))).toEqual(new Set(["Error", "OOMKilled", "Completed"]));
    expect(ofKind("Pod").some((p) => status(p).phase === "Pending")).toBe(true);
    const images = deployments
      .filter((d) => d.metadata.namespace!.startsWith("service-"))
      .map((d) => (d.spec as { template: { spec: { containers: { image: string }[] } } }).template.spec.containers[0]!.image);
    for (const image of images)
      expect(image).toMatch(/^754256621582\.dkr\.ecr\.eu-west-2\.amazonaws\.com\/team-\d\/service-\d+(-[a-z]+)?:([0-9a-f]{40}|\d+\.\d+\.\d+)$/);
  });

  it("gives Secrets base64 data whose values carry the marker", () => {
    const secrets = ofKind("Secret");
    expect(new Set(secrets.map((s) => s.type))).toEqual(new Set(["Opaque", "kubernetes.io/dockerconfigjson", "kubernetes.io/service-account-token"]));
    const rds = secrets.find((s) => s.metadata.name === "rds-instance-output")!;
    expect(Object.keys(rds.data as object)).toEqual(expect.arrayContaining(["database_name", "rds_instance_endpoint", "database_password"]));
    for (const secret of secrets) {
      for (const value of Object.values(secret.data as Record<string, string>)) {
        const text = Buffer.from(value, "base64").toString("utf8");
        expect(text).toContain(secret.type === "kubernetes.io/dockerconfigjson" ? '"auths"' : SAMPLE_SECRET_MARKER);
        if (secret.type !== "kubernetes.io/dockerconfigjson") expect(value.startsWith(SAMPLE_SECRET_MARKER_BASE64)).toBe(true);
      }
    }
  });

  it("gives namespaces 2-6 events and a quota whose usage adds up", () => {
    const active = ofKind("Namespace").filter((n) => n.metadata.name.startsWith("service-") && !n.metadata.deletionTimestamp);
    for (const ns of active) {
      const events = ofKind("Event").filter((e) => e.metadata.namespace === ns.metadata.name);
      expect(events.length).toBeGreaterThanOrEqual(2);
      expect(events.length).toBeLessThanOrEqual(6);
      const [quota, ...others] = ofKind("ResourceQuota").filter((q) => q.metadata.namespace === ns.metadata.name);
      expect(others).toHaveLength(0);
      const pods = ofKind("Pod").filter((p) => p.metadata.namespace === ns.metadata.name);
      expect((quota!.status as { used: Record<string, string> }).used.pods).toBe(String(pods.length));
    }
    const event = ofKind("Event").find((e) => e.type === "Warning")!;
    expect(event).toMatchObject({
      involvedObject: { kind: expect.any(String), uid: expect.any(String) },
      reason: expect.any(String),
      count: expect.any(Number),
    });
    expect(byUid.get((event.involvedObject as { uid: string }).uid)).toBeDefined();
    expect(new Set(ofKind("Event").map((e) => e.reason))).toEqual(
      new Set(["Scheduled", "Pulled", "Created", "Started", "ScalingReplicaSet", "BackOff", "Unhealthy", "FailedScheduling", "Failed"]),
    );
  });

  it("wires Secrets and ConfigMaps into Deployments: the declared Secrets key by key, a missing key now and then, several revisions", () => {
    const declared = [{ name: "orders-db-output", keys: ["database_name", "rds_instance_endpoint"] }];
    const withSecrets = namespaces.map((ns) => ({ ...ns, secrets: declared }));
    const all = generateSampleObjects({ namespaces: withSecrets, seed: 7, now }).objects;
    const inNs = (kind: string, ns: string) => all.filter((o) => o.kind === kind && o.metadata.namespace === ns);
    const name = withSecrets.find((ns) => inNs("Deployment", ns.name).length > 0)!.name;
    expect(inNs("Secret", name).find((s) => s.metadata.name === "orders-db-output")?.data).toEqual({
      database_name: expect.any(String),
      rds_instance_endpoint: expect.any(String),
    });
    expect(inNs("ConfigMap", name).map((c) => c.metadata.name)).toContain("kube-root-ca.crt");
    type Container = { env?: { name: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[]; envFrom?: object[] };
    const containers = (d: KubeObject) => (d.spec as { template: { spec: { containers: Container[] } } }).template.spec.containers;
    const reads = containers(inNs("Deployment", name)[0]!)[0]!;
    expect(reads.env!.filter((e) => e.valueFrom?.secretKeyRef?.name === "orders-db-output").map((e) => e.name)).toEqual([
      "DATABASE_NAME",
      "RDS_INSTANCE_ENDPOINT",
    ]);
    expect(reads.envFrom).toEqual(expect.arrayContaining([{ configMapRef: { name: expect.stringMatching(/-config$/) } }]));
    // Some namespace's first app reads a key its Secret lacks, and its new pods wait in CreateContainerConfigError.
    const broken = all.filter((o) => o.kind === "Deployment" && containers(o)[0]!.env?.some((e) => e.name === "REDIS_URL"));
    expect(broken.length).toBeGreaterThan(0);
    const waiting = all.filter(
      (o) =>
        o.kind === "Pod" &&
        o.metadata.namespace === broken[0]!.metadata.namespace &&
        JSON.stringify(o.status).includes("CreateContainerConfigError") &&
        JSON.stringify(o.status).includes("couldn't find key REDIS_URL"),
    );
    expect(waiting.length).toBeGreaterThan(0);
    // Deployments keep earlier revisions as ReplicaSets scaled to zero.
    const revisions = new Map<string, number>();
    for (const rs of all.filter((o) => o.kind === "ReplicaSet")) {
      const owner = rs.metadata.ownerReferences![0]!.uid;
      revisions.set(owner, (revisions.get(owner) ?? 0) + 1);
    }
    expect(Math.max(...revisions.values())).toBeGreaterThanOrEqual(4);
  });

  it("runs the same deployments in every environment of an application, production at staging's release but for a few one release behind", () => {
    const environments = ["dev", "staging", "prod"];
    const apps = Array.from({ length: 60 }, (_, i) => `shop-${i}`);
    const input: SampleNamespaceInput[] = apps.flatMap((app, i) =>
      environments.map((env) => ({ name: `${app}-${env}`, production: env === "prod", team: `team-${i % 5}`, application: app })),
    );
    const generated = generateSampleObjects({ namespaces: input, seed: 11, now });
    type Template = { template: { spec: { containers: { image: string }[] } } };
    const imagesIn = (ns: string) =>
      new Map(
        generated.objects
          .filter((o) => o.kind === "Deployment" && o.metadata.namespace === ns)
          .map((d) => [d.metadata.name, (d.spec as Template).template.spec.containers.map((c) => c.image).join(" ")]),
      );
    const gone = new Set([...generated.drift.missing, ...generated.drift.terminating]);
    let compared = 0;
    const behind: string[] = [];
    for (const app of apps) {
      if (environments.some((env) => gone.has(`${app}-${env}`))) continue;
      const [dev, staging, prod] = environments.map((env) => imagesIn(`${app}-${env}`));
      expect([...dev!.keys()].sort()).toEqual([...staging!.keys()].sort());
      expect([...prod!.keys()].sort()).toEqual([...staging!.keys()].sort());
      expect(dev).toEqual(staging);
      compared++;
      if ([...prod!].every(([name, images]) => staging!.get(name) === images)) continue;
      behind.push(app);
      // Production runs the release staging ran before: an earlier revision of staging's deployment.
      const [name, images] = [...prod!].find(([n, i]) => staging!.get(n) !== i)!;
      const stagingRevisions = generated.objects.filter(
        (o) => o.kind === "ReplicaSet" && o.metadata.namespace === `${app}-staging` && o.metadata.ownerReferences![0]!.name === name,
      );
      expect(stagingRevisions.map((rs) => (rs.spec as Template).template.spec.containers.map((c) => c.image).join(" "))).toContain(images);
    }
    expect(compared).toBeGreaterThan(40);
    expect(behind.length).toBeGreaterThan(0);
    expect(behind.length / compared).toBeLessThan(0.3);
  });
});
