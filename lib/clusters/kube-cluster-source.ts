import http from "node:http";
import https from "node:https";
import { Watch, type KubeConfig } from "@kubernetes/client-node";
import { KIND_PATHS, type WatchedKind } from "./kinds";
import { KubeApiError, type ClusterSource, type ListPage } from "./cluster-source";

const LIST_TIMEOUT_MS = 60_000;

/**
 * A ClusterSource over a real API server. Credentials, CA and proxies come
 * from client-node's KubeConfig (a kubeconfig context or in-cluster service
 * account); watches use client-node's Watch, lists a plain GET so that pages
 * are summarised without client-node's typed deserialisation of every field.
 */
export function createKubeClusterSource(config: KubeConfig, options: { watchTimeoutSeconds?: number } = {}): ClusterSource {
  const watcher = new Watch(config);
  const timeoutSeconds = options.watchTimeoutSeconds ?? 240;
  return {
    async list(kind, page): Promise<ListPage> {
      const params = new URLSearchParams({ limit: String(page.limit) });
      if (page.continue) params.set("continue", page.continue);
      const body = (await getJson(config, `${KIND_PATHS[kind]}?${params}`)) as {
        items?: unknown[];
        metadata?: { resourceVersion?: string; continue?: string };
      };
      return { items: body.items ?? [], resourceVersion: body.metadata?.resourceVersion ?? "", continue: body.metadata?.continue || null };
    },
    async readPod(namespace, name) {
      try {
        return await getJson(config, `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(name)}`);
      } catch (error) {
        if (error instanceof KubeApiError && error.status === 404) return null;
        throw error;
      }
    },
    watch(kind: WatchedKind, resourceVersion, handlers) {
      let controller: AbortController | undefined;
      let stopped = false;
      let ended = false;
      const done = new Promise<void>((resolve, reject) => {
        const finish = (error: unknown) => {
          ended = true;
          if (error && !stopped) reject(toKubeError(error));
          else resolve();
        };
        watcher
          .watch(KIND_PATHS[kind], { resourceVersion, allowWatchBookmarks: true, timeoutSeconds }, (type, object) => handlers.onEvent({ type, object }), finish)
          .then((c) => {
            controller = c;
            if (stopped) c.abort();
            else if (!ended) handlers.onOpen();
          }, finish);
      });
      return {
        done,
        stop() {
          stopped = true;
          controller?.abort();
        },
      };
    },
  };
}

async function getJson(config: KubeConfig, path: string): Promise<unknown> {
  const server = config.getCurrentCluster()?.server;
  if (!server) throw new KubeApiError("the kubeconfig context names no cluster", null);
  const url = new URL(server.replace(/\/$/, "") + path);
  const options: https.RequestOptions = { method: "GET", headers: { Accept: "application/json" } };
  await config.applyToHTTPSOptions(options);
  return new Promise((resolve, reject) => {
    const request = (url.protocol === "http:" ? http : https).request(url, { ...options, timeout: LIST_TIMEOUT_MS }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        if (response.statusCode !== 200) return reject(new KubeApiError(statusMessage(text, response.statusCode), response.statusCode ?? null));
        try {
          resolve(JSON.parse(text));
        } catch {
          reject(new KubeApiError(`${url.pathname} answered with something other than JSON`, response.statusCode));
        }
      });
    });
    request.on("timeout", () => request.destroy(new Error(`no answer within ${LIST_TIMEOUT_MS / 1000}s`)));
    request.on("error", reject);
    request.end();
  });
}

/** A Status object's message (never the body itself: a body may be a Secret list). */
function statusMessage(body: string, status: number | undefined): string {
  try {
    const parsed = JSON.parse(body) as { kind?: string; message?: string };
    if (parsed.kind === "Status" && parsed.message) return parsed.message;
  } catch {
    // not JSON: fall through to the status alone
  }
  return `the API server answered ${status ?? "without a status"}`;
}

function toKubeError(error: unknown): KubeApiError {
  if (error instanceof KubeApiError) return error;
  const status = (error as { statusCode?: unknown }).statusCode;
  return new KubeApiError(error instanceof Error ? error.message : String(error), typeof status === "number" ? status : null);
}
