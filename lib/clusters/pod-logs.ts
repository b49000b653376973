import { Readable } from "node:stream";
import type { KubeConfig } from "@kubernetes/client-node";
import { KubeApiError } from "./cluster-source";
import { kubeGet } from "./kube-request";

export interface PodLogQuery {
  container: string;
  /** The last lines only; null for everything the node keeps. */
  tailLines: number | null;
  /** Keep the stream open and pass new lines as the container writes them. */
  follow: boolean;
  /** The container's run before its last restart. */
  previous: boolean;
}

export interface PodContainer {
  name: string;
  restarts: number;
  /** The container has a terminated run before the current one (what `previous` reads). */
  hasPrevious: boolean;
}

/**
 * A pod's containers and logs, read from the cluster at the moment they are
 * asked for (the cache keeps neither). Refusals are KubeApiErrors with the
 * API server's status and message.
 */
export interface PodLogSource {
  containers(namespace: string, pod: string): Promise<PodContainer[]>;
  /** The log as bytes; aborting `signal` closes the connection to the API server. */
  open(namespace: string, pod: string, query: PodLogQuery, signal: AbortSignal): Promise<ReadableStream<Uint8Array>>;
}

// Until the headers arrive; a followed stream may then stay silent for as long as the container is.
const ANSWER_TIMEOUT_MS = 30_000;

/** The API server's pod log endpoint: `GET /api/v1/namespaces/{ns}/pods/{pod}/log`. */
export function podLogPath(namespace: string, pod: string, query: PodLogQuery): string {
  const params = new URLSearchParams({ container: query.container });
  if (query.follow) params.set("follow", "true");
  if (query.previous) params.set("previous", "true");
  if (query.tailLines !== null) params.set("tailLines", String(query.tailLines));
  return `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}/log?${params}`;
}

export function createPodLogSource(config: KubeConfig): PodLogSource {
  return {
    async containers(namespace, pod) {
      const path = `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}`;
      const response = await kubeGet(config, path, { accept: "application/json", timeoutMs: ANSWER_TIMEOUT_MS });
      const chunks: Buffer[] = [];
      for await (const chunk of response) chunks.push(chunk as Buffer);
      const object = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
        spec?: { containers?: { name: string }[] };
        status?: { containerStatuses?: { name: string; restartCount?: number; lastState?: { terminated?: object } }[] };
      };
      // Note: only names and restart counts are kept; the pod's env (which may hold values) is dropped here.
      return (object.spec?.containers ?? []).map(({ name }) => {
        const status = object.status?.containerStatuses?.find((s) => s.name === name);
        return { name, restarts: status?.restartCount ?? 0, hasPrevious: status?.lastState?.terminated !== undefined };
      });
    },
    async open(namespace, pod, query, signal) {
      // As kubectl asks: kube-apiserver refuses `Accept: text/plain` (406), though the log it sends is text.
      const response = await kubeGet(config, podLogPath(namespace, pod, query), {
        accept: "application/json, */*",
        timeoutMs: ANSWER_TIMEOUT_MS,
        signal,
        noContent: true,
      });
      // kube-apiserver answers 204 for a pod on no node yet: there is no kubelet to ask.
      if (response.statusCode === 204) {
        response.resume();
        throw new KubeApiError(`pod ${pod} has not been scheduled to a node`, 204);
      }
      response.setTimeout(0);
      return Readable.toWeb(response) as ReadableStream<Uint8Array>;
    },
  };
}
