import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { DEPLOY_DIR, find, loadManifests, type Manifest } from "./testing/manifests";

/** The fast, static check of deploy/; manifests-server.test.ts has a real API server validate them. */
describe("deploy/ manifests", () => {
  const all = loadManifests();

  it("parse, and each object has an apiVersion, a kind and a name in the berth namespace", () => {
    expect(all.length).toBeGreaterThanOrEqual(12);
    for (const { file, object } of all) {
      expect(object.apiVersion, file).toMatch(/^[a-z0-9.]*\/?v\d/);
      expect(object.metadata?.name, file).toMatch(/^[a-z0-9-]+$/);
      const clusterScoped = ["Namespace", "ClusterRole", "ClusterRoleBinding"].includes(object.kind);
      expect(object.metadata.namespace, `${file} ${object.kind}`).toBe(clusterScoped ? undefined : "berth");
    }
  });

  it("kustomization.yaml lists every file but the example Secret and the migration Job", () => {
    const kustomization = parse(readFileSync(path.join(DEPLOY_DIR, "kustomization.yaml"), "utf8")) as { resources: string[] };
    const files = [...new Set(all.map((m) => m.file))].filter((f) => f !== "secret.example.yaml" && f !== "migrate-job.yaml");
    expect([...kustomization.resources].sort()).toEqual(files.sort());
  });

  const deployment = find("Deployment", "berth");
  const pod = deployment.spec.template.spec;
  const container = pod.containers[0];

  it("runs two replicas, rolling without losing capacity, probed on /api/health and /api/ready", () => {
    expect(deployment.spec.replicas).toBe(2);
    expect(deployment.spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
    expect(container.livenessProbe.httpGet.path).toBe("/api/health");
    expect(container.startupProbe.httpGet.path).toBe("/api/health");
    expect(container.readinessProbe.httpGet.path).toBe("/api/ready");
    expect(container.ports[0].containerPort).toBe(3000);
  });

  it("has requests and limits, and settings from the ConfigMap and the Secret through envFrom", () => {
    for (const kind of ["requests", "limits"]) {
      expect(container.resources[kind].cpu).toBeDefined();
      expect(container.resources[kind].memory).toBeDefined();
    }
    expect(container.envFrom).toEqual([{ configMapRef: { name: "berth" } }, { secretRef: { name: "berth" } }]);
    expect(find("ConfigMap", "berth").data).not.toHaveProperty("DATABASE_URL");
    for (const key of Object.keys(find("ConfigMap", "berth").data)) expect(key).not.toMatch(/SECRET|TOKEN|PASSWORD/);
  });

  function expectRestricted(podSpec: Manifest["spec"], what: string) {
    expect(podSpec.securityContext, what).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } });
    expect(podSpec.securityContext.runAsUser, what).toBeGreaterThan(0);
    for (const c of podSpec.containers) {
      expect(c.securityContext, `${what} ${c.name}`).toMatchObject({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        runAsNonRoot: true,
        capabilities: { drop: ["ALL"] },
      });
      expect(c.securityContext.privileged, what).toBeUndefined();
      expect(c.securityContext.capabilities.add, what).toBeUndefined();
    }
    expect(podSpec.hostNetwork ?? false, what).toBe(false);
    for (const volume of podSpec.volumes ?? [])
      expect(
        Object.keys(volume).filter((k) => k !== "name"),
        what,
      ).toEqual(["emptyDir"]);
  }

  it("pods meet the restricted security profile: non-root, no privilege escalation, no capabilities, read-only root", () => {
    expectRestricted(pod, "Deployment");
    expectRestricted(find("Job", "berth-migrate").spec.template.spec, "migration Job");
    expect(find("Namespace", "berth").metadata.labels?.["pod-security.kubernetes.io/enforce"]).toBe("restricted");
  });

  it("the ClusterRole only reads (get, list, watch) exactly the kinds Berth reads, and gets pods' logs", () => {
    const role = find("ClusterRole", "berth-reader");
    const granted = role.rules.flatMap((rule: { apiGroups: string[]; resources: string[]; verbs: string[] }) => {
      expect([...rule.verbs].sort()).toEqual(rule.resources.includes("pods/log") ? ["get"] : ["get", "list", "watch"]);
      expect(rule).not.toHaveProperty("resourceNames");
      return rule.apiGroups.flatMap((group) => rule.resources.map((resource) => `${group || "core"}/${resource}`));
    });
    expect(granted.sort()).toEqual([
      "apps/deployments",
      "apps/replicasets",
      "core/configmaps",
      "core/events",
      "core/namespaces",
      "core/pods",
      "core/pods/log",
      "core/resourcequotas",
      "core/secrets",
    ]);
    const binding = find("ClusterRoleBinding", "berth-reader");
    expect(binding.roleRef).toMatchObject({ kind: "ClusterRole", name: "berth-reader" });
    expect(binding.subjects).toEqual([{ kind: "ServiceAccount", name: pod.serviceAccountName, namespace: "berth" }]);
  });

  it("Service, Ingress, NetworkPolicy and PodDisruptionBudget select the pods and reach the app's port", () => {
    const labels = deployment.spec.template.metadata.labels;
    expect(find("Service", "berth").spec.selector).toEqual(labels);
    expect(find("PodDisruptionBudget", "berth").spec).toMatchObject({ minAvailable: 1, selector: { matchLabels: labels } });
    expect(find("NetworkPolicy", "berth").spec.podSelector.matchLabels).toEqual(labels);
    expect(find("NetworkPolicy", "berth").spec.policyTypes).toEqual(["Ingress", "Egress"]);
    const backend = find("Ingress", "berth").spec.rules[0].http.paths[0].backend.service;
    expect(backend).toEqual({ name: "berth", port: { name: "http" } });
    expect(find("Ingress", "berth").spec.tls).toHaveLength(1);
  });

  it("the Ingress routes every page and public API but keeps /api/metrics and the probes inside the cluster", () => {
    const paths = find("Ingress", "berth").spec.rules[0].http.paths as { path: string; pathType: string; backend: unknown }[];
    // Kubernetes' matching: Exact is the whole path, Prefix whole segments ("/api/me" matches "/api/me/teams", not "/api/metrics").
    const routed = (url: string) =>
      paths.some(({ path: p, pathType }) => (pathType === "Exact" ? url === p : p === "/" || url === p || url.startsWith(`${p.replace(/\/$/, "")}/`)));
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((entry) => (statSync(path.join(dir, entry)).isDirectory() ? walk(path.join(dir, entry)) : [path.join(dir, entry)]));
    const appDir = path.join(DEPLOY_DIR, "../app");
    const urls = walk(appDir)
      .map((file) => path.relative(appDir, file).split(path.sep))
      .filter((parts) => /^(route\.ts|page\.tsx)$/.test(parts.at(-1)!) && !parts[0]!.startsWith("_"))
      .map(
        (parts) =>
          `/${parts
            .slice(0, -1)
            .map((part) => (part.startsWith("[") ? "x" : part))
            .join("/")}`,
      );
    const internal = ["/api/metrics", "/api/health", "/api/ready"];
    expect(urls).toEqual(expect.arrayContaining(internal));
    for (const url of urls) expect(routed(url), url).toBe(!internal.includes(url));
    expect(routed("/_next/static/chunks/app.js")).toBe(true);
    for (const { backend } of paths) expect(backend).toEqual({ service: { name: "berth", port: { name: "http" } } });
  });

  it("the migration Job and the Deployment run the same image, and the Job runs the image's migrate command", () => {
    const job = find("Job", "berth-migrate").spec.template.spec.containers[0];
    expect(job.image).toBe(container.image);
    expect(job.workingDir).toBe("/app/migrate");
    expect(job.command).toEqual(["node", "node_modules/prisma/build/index.js", "migrate", "deploy", "--config", "prisma.config.ts"]);
    const dockerfile = readFileSync(path.join(DEPLOY_DIR, "../Dockerfile"), "utf8");
    expect(dockerfile).toMatch(/^COPY --from=build \/app\/\.next\/migrate \/app\/migrate$/m);
    expect(dockerfile).toMatch(/^USER 10001:10001$/m);
    expect(dockerfile.trim().split("\n").at(-1)).toBe('CMD ["node", "server.js"]');
  });
});
