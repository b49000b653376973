import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { controlApi } from "./control-api";
import type { KubeObject } from "./kube-object";
import { sendJson, sendStatus } from "./kube-status";
import { createSampleControls, type SampleControls } from "./sample-controls";
import { createSampleStore } from "./sample-store";
import { serveApi } from "./serve-api";

export interface SampleApiServerOptions {
  /** The cluster's objects at start, e.g. from generateSampleObjects. */
  objects: KubeObject[];
  /** The bearer token every API request, and every control but health, must carry. */
  token: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. The control API answers loopback callers only, whatever this is. */
  host?: string;
  /** Changes kept for watches and continue tokens; older resourceVersions get 410 Expired (default 1000). */
  retainChanges?: number;
  /** Seconds between BOOKMARK events on watches that allow them (default 5; fractions allowed). */
  bookmarkSeconds?: number;
  /** Lifetime of a watch that sets no timeoutSeconds (default 1800, kube-apiserver's minimum). */
  watchTimeoutSeconds?: number;
  /** Restart a pod this often (seconds); 0, the default, never. */
  churnSeconds?: number;
  /** The namespace whose first running pod churn restarts; without it, a random pod anywhere. */
  churnNamespace?: string;
  /** A running container writes a log line this often (milliseconds, default 1000). */
  logLineMs?: number;
  /** Seed for names and picks in changes made by controls (default 1). */
  seed?: number;
  /** The clock of changes made by controls; default the real one. */
  now?: () => Date;
  labelPrefix?: string;
  podsQuota?: number;
}

export interface SampleApiServer {
  /** `http://<host>:<port>`, the kubeconfig's server. */
  url: string;
  controls: SampleControls;
  close(): Promise<void>;
}

// What /version answers: the release the integration tests' real kube-apiserver runs, marked as not that.
const VERSION = { major: "1", minor: "20", gitVersion: "v1.20.2+berth-sample", gitTreeState: "clean", compiler: "gc", platform: "linux/amd64" };

/** Berth's own small Kubernetes API server: the list and watch protocol over sample objects. See README.md. */
export async function startSampleApiServer(options: SampleApiServerOptions): Promise<SampleApiServer> {
  const store = createSampleStore(options.objects, options.retainChanges ?? 1000);
  const watch = {
    bookmarkMs: (options.bookmarkSeconds ?? 5) * 1000,
    defaultTimeoutSeconds: options.watchTimeoutSeconds ?? 1800,
    open: new Set<ServerResponse>(),
  };
  const now = options.now ?? (() => new Date());
  const logs = { lineMs: options.logLineMs ?? 1000, now, open: new Set<ServerResponse>() };
  const expected = Buffer.from(`Bearer ${options.token}`);
  const controls = createSampleControls(store, {
    seed: options.seed ?? 1,
    now,
    labelPrefix: options.labelPrefix,
    podsQuota: options.podsQuota,
    logStreams: () => logs.open.size,
    onOutage(on) {
      if (!on) return;
      for (const response of [...watch.open, ...logs.open]) response.socket?.destroy();
      server.closeIdleConnections();
    },
  });

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? "/", "http://sample");
    if (url.pathname.startsWith("/_sample/")) return controlApi(request, response, url.pathname, controls, expected);
    // An outage looks like a dead server or network: the connection drops with no answer.
    if (controls.outage()) return void request.socket.destroy();
    if (request.method === "GET" && ["/healthz", "/readyz", "/livez"].includes(url.pathname)) {
      return void response.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end("ok");
    }
    if (request.method === "GET" && url.pathname === "/version") return sendJson(response, 200, VERSION);
    const given = Buffer.from(request.headers.authorization ?? "");
    // Note: compared in constant time, so response timing does not reveal how much of a guess was right.
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return sendStatus(response, 401, "Unauthorized", "Unauthorized");
    serveApi(request, response, url, store, watch, logs);
  };
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error(`sample API server: ${request.method} ${request.url} failed:`, error);
      if (!response.headersSent) sendStatus(response, 500, "InternalError", "the sample server failed; see its log");
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const churn = options.churnSeconds ? setInterval(() => churnOnce(controls, options.churnNamespace), options.churnSeconds * 1000) : undefined;
  churn?.unref();

  return {
    url: `http://${address.includes(":") ? `[${address}]` : address}:${port}`,
    controls,
    close: () =>
      new Promise<void>((resolve, reject) => {
        clearInterval(churn);
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function churnOnce(controls: SampleControls, namespace: string | undefined): void {
  if (namespace === undefined) {
    controls.restartRandomPod();
    return;
  }
  const pod = controls.firstRunningPod(namespace);
  if (pod) controls.restartPod(namespace, pod.metadata.name);
}
