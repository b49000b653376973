import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request as httpsRequest } from "node:https";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEPLOY_DIR, loadManifests, type Manifest } from "./testing/manifests";

/**
 * deploy/ validated by a genuine kube-apiserver (1.20.2, scripts/kube/):
 * every object is created with ?dryRun=All, so the server runs its full
 * validation and admission without keeping anything; then the ClusterRole is
 * bound for real and the server is asked what Berth's ServiceAccount may do.
 */
const run = promisify(execFile);
const repo = path.resolve(DEPLOY_DIR, "..");
const cache = process.env.BERTH_KUBE_CACHE ?? path.join(os.homedir(), ".cache/berth/kube-1.20.2");

let workdir: string;
let api: { url: string; ca: Buffer; token: string };

function call(method: string, urlPath: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const url = new URL(urlPath, api.url);
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = httpsRequest(
      url,
      { method, ca: api.ca, headers: { authorization: `Bearer ${api.token}`, "content-type": "application/json", accept: "application/json" } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as Record<string, unknown> }),
        );
      },
    );
    req.on("error", reject);
    req.end(data);
  });
}

const PLURALS: Record<string, string> = {
  Namespace: "namespaces",
  ServiceAccount: "serviceaccounts",
  ConfigMap: "configmaps",
  Secret: "secrets",
  Service: "services",
  Deployment: "deployments",
  Job: "jobs",
  Ingress: "ingresses",
  NetworkPolicy: "networkpolicies",
  PodDisruptionBudget: "poddisruptionbudgets",
  ClusterRole: "clusterroles",
  ClusterRoleBinding: "clusterrolebindings",
};

function collectionPath(object: Manifest): string {
  const base = object.apiVersion.includes("/") ? `/apis/${object.apiVersion}` : `/api/${object.apiVersion}`;
  const plural = PLURALS[object.kind];
  if (!plural) throw new Error(`add ${object.kind} to PLURALS`);
  return object.metadata.namespace ? `${base}/namespaces/${object.metadata.namespace}/${plural}` : `${base}/${plural}`;
}

/**
 * Note: deploy/ ships policy/v1 PodDisruptionBudgets (GA in 1.21, and the only
 * version from 1.25 on). The 1.20 test server predates it, so when its
 * discovery lacks policy/v1 the same spec is validated as policy/v1beta1,
 * whose fields Berth uses are identical.
 */
async function forThisServer(object: Manifest): Promise<Manifest> {
  if (object.apiVersion !== "policy/v1") return object;
  const { status } = await call("GET", "/apis/policy/v1");
  return status === 200 ? object : { ...object, apiVersion: "policy/v1beta1" };
}

describe("deploy/ against a real kube-apiserver", () => {
  beforeAll(async () => {
    for (const binary of ["kube-apiserver", "kube-controller-manager"]) {
      if (!existsSync(path.join(cache, "bin", binary))) {
        throw new Error(`${path.join(cache, "bin", binary)} is missing: run scripts/kube/build.sh (about 4 minutes, once per machine)`);
      }
    }
    workdir = mkdtempSync(path.join(os.tmpdir(), "berth-deploy-kube-"));
    await run("bash", [path.join(repo, "scripts/kube/start.sh"), workdir], { timeout: 150_000 });
    const env = Object.fromEntries(
      readFileSync(path.join(workdir, "env"), "utf8")
        .split("\n")
        .filter((line) => line.includes("="))
        .map((line) => {
          const at = line.indexOf("=");
          return [line.slice(0, at), line.slice(at + 1).replace(/^'|'$/g, "")];
        }),
    );
    api = { url: env.KUBE_API_URL!, ca: readFileSync(env.KUBE_CA_FILE!), token: env.KUBE_ADMIN_TOKEN! };
  }, 180_000);

  afterAll(async () => {
    if (workdir) {
      await run("bash", [path.join(repo, "scripts/kube/stop.sh"), workdir], { timeout: 60_000 }).catch(() => undefined);
      rmSync(workdir, { recursive: true, force: true });
    }
  }, 90_000);

  it("the server accepts every object (server-side dry run), the example Secret and the migration Job included", async () => {
    const manifests = loadManifests();
    // Namespaced objects can only be validated inside an existing namespace: create it for real first.
    const namespace = manifests.find((m) => m.object.kind === "Namespace")!.object;
    const created = await call("POST", collectionPath(namespace), namespace);
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const refused: string[] = [];
    for (const { file, object } of manifests) {
      if (object.kind === "Namespace") continue;
      const target = await forThisServer(object);
      const result = await call("POST", `${collectionPath(target)}?dryRun=All&fieldManager=berth-ci`, target);
      if (result.status !== 201) refused.push(`${file} ${object.kind}/${object.metadata.name}: ${result.status} ${String(result.json.message)}`);
    }
    expect(refused).toEqual([]);
    // Dry run kept nothing.
    expect((await call("GET", "/apis/apps/v1/namespaces/berth/deployments/berth")).status).toBe(404);
  });

  it("bound for real, the ClusterRole lets Berth's ServiceAccount read what it reads and nothing more", async () => {
    for (const { object } of loadManifests().filter((m) => m.object.kind === "ClusterRole" || m.object.kind === "ClusterRoleBinding")) {
      const created = await call("POST", collectionPath(object), object);
      expect(created.status, JSON.stringify(created.json)).toBe(201);
    }
    const may = async (verb: string, resource: string, group = "") => {
      const review = await call("POST", "/apis/authorization.k8s.io/v1/subjectaccessreviews", {
        apiVersion: "authorization.k8s.io/v1",
        kind: "SubjectAccessReview",
        spec: {
          user: "system:serviceaccount:berth:berth",
          groups: ["system:serviceaccounts", "system:serviceaccounts:berth", "system:authenticated"],
          resourceAttributes: { verb, resource, group },
        },
      });
      return (review.json.status as { allowed: boolean }).allowed;
    };
    for (const [resource, group] of [
      ["pods", ""],
      ["secrets", ""],
      ["configmaps", ""],
      ["events", ""],
      ["namespaces", ""],
      ["resourcequotas", ""],
      ["deployments", "apps"],
      ["replicasets", "apps"],
    ] as const) {
      for (const verb of ["get", "list", "watch"]) expect(await may(verb, resource, group), `${verb} ${resource}`).toBe(true);
      for (const verb of ["create", "update", "patch", "delete"]) expect(await may(verb, resource, group), `${verb} ${resource}`).toBe(false);
    }
    for (const [resource, group] of [
      ["services", ""],
      ["nodes", ""],
      ["statefulsets", "apps"],
      ["clusterroles", "rbac.authorization.k8s.io"],
    ] as const) {
      expect(await may("list", resource, group), `list ${resource}`).toBe(false);
    }
  });
});
