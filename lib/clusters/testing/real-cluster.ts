import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { AppsV1Api, CoreV1Api, KubeConfig, RbacAuthorizationV1Api } from "@kubernetes/client-node";
import { freePort } from "../../testing/free-port";

const run = promisify(execFile);
const SCRIPTS = path.resolve(__dirname, "../../../scripts/kube");

/**
 * A genuine kube-apiserver, etcd and kube-controller-manager for one test
 * file, started by scripts/kube/start.sh in a temporary folder (binaries from
 * scripts/kube/build.sh's cache). Restarts keep the ports, certificates,
 * tokens and etcd data, as a real control-plane restart does.
 */
export interface RealCluster {
  admin: KubeConfig;
  core: CoreV1Api;
  apps: AppsV1Api;
  rbac: RbacAuthorizationV1Api;
  /** A kubeconfig for the user "berth-viewer" (group berth:viewers), bound to the built-in "view" role (start.sh waits until it reads). */
  viewerKubeconfig: string;
  etcdUrl: string;
  /** The API server's audit log: one JSON event per pod log request (URI, user, status), nothing else. */
  auditLog(): Promise<{ requestURI: string; verb: string; user: { username: string }; responseStatus?: { code: number } }[]>;
  stopControlPlane(): Promise<void>;
  startControlPlane(): Promise<void>;
  stop(): Promise<void>;
}

export async function startRealCluster(): Promise<RealCluster> {
  const dir = await mkdtemp(path.join(tmpdir(), "berth-kube-"));
  const start = async (ports: Record<string, string>) => {
    try {
      await run("bash", [path.join(SCRIPTS, "start.sh"), dir], { env: { ...process.env, ...ports }, timeout: 120_000 });
    } catch (error) {
      const { stderr } = error as { stderr?: string };
      throw new Error(`scripts/kube/start.sh failed (run scripts/kube/build.sh once to build the binaries):\n${stderr ?? error}`);
    }
  };
  const ports = {
    BERTH_KUBE_API_PORT: String(await freePort()),
    BERTH_KUBE_ETCD_PORT: String(await freePort()),
    BERTH_KUBE_ETCD_PEER_PORT: String(await freePort()),
  };
  await start(ports);
  const env = Object.fromEntries(
    (await readFile(path.join(dir, "env"), "utf8"))
      .trim()
      .split("\n")
      .map((line) => line.split("=", 2) as [string, string])
      .map(([k, v]) => [k, v.replace(/^'|'$/g, "")]),
  );
  const admin = new KubeConfig();
  admin.loadFromFile(env.KUBECONFIG!);
  const stopControlPlane = async () => void (await run("bash", [path.join(SCRIPTS, "stop.sh"), dir], { timeout: 60_000 }));
  return {
    admin,
    core: admin.makeApiClient(CoreV1Api),
    apps: admin.makeApiClient(AppsV1Api),
    rbac: admin.makeApiClient(RbacAuthorizationV1Api),
    viewerKubeconfig: env.KUBE_VIEWER_KUBECONFIG!,
    etcdUrl: env.KUBE_ETCD_URL!,
    async auditLog() {
      const text = await readFile(path.join(dir, "logs", "audit.log"), "utf8").catch(() => "");
      return text
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line));
    },
    stopControlPlane,
    startControlPlane: () => start(ports),
    async stop() {
      await stopControlPlane();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
