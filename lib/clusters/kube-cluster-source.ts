import { Watch, type KubeConfig } from "@kubernetes/client-node";
import { KIND_PATHS, type WatchedKind } from "./kinds";
import { KubeApiError, type ClusterSource, type ListPage } from "./cluster-source";
import { kubeGet } from "./kube-request";

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
  const response = await kubeGet(config, path, { accept: "application/json", timeoutMs: LIST_TIMEOUT_MS });
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new KubeApiError(`${path.split("?")[0]} answered with something other than JSON`, 200);
  }
}

function toKubeError(error: unknown): KubeApiError {
  if (error instanceof KubeApiError) return error;
  const status = (error as { statusCode?: unknown }).statusCode;
  return new KubeApiError(error instanceof Error ? error.message : String(error), typeof status === "number" ? status : null);
}
