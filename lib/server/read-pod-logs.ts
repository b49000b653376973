import { z } from "zod";
import type { Viewer } from "@/lib/auth/viewer";
import type { PodLogQuery } from "@/lib/clusters/pod-logs";
import { AppError } from "@/lib/errors";
import { podLogAccess, podLogError } from "./pod-log-access";
import type { Services } from "./services";

const NAME = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
const flag = z
  .enum(["true", "false"])
  .default("false")
  .transform((v) => v === "true");

/** The query of the pod log route, as the page's controls send it. */
export const podLogParamsSchema = z.object({
  container: z.string().regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, "a container name (a DNS label)"),
  tailLines: z.coerce.number().int().min(1).max(100_000).default(500),
  follow: flag,
  previous: flag,
  download: flag,
});

export interface PodLogStream {
  body: ReadableStream<Uint8Array>;
  /** For a download: `<pod>_<container>[_previous].log`. */
  filename: string;
}

/**
 * A container's log streamed from the cluster as it arrives, never kept:
 * not cached, not logged (the log line says who read which container, not
 * what it said). Each user starts at most BERTH_RATE_LIMIT_LOG_READS reads a
 * minute and follows at most BERTH_LOG_FOLLOWS_PER_USER at once. Aborting
 * `signal` (the browser left) or cancelling the body closes the connection
 * to the API server.
 */
export async function readPodLogs(
  deps: Pick<Services, "inventory" | "clusters" | "podLogs" | "log" | "metrics">,
  viewer: Viewer | null,
  target: { cluster: string; namespace: string; pod: string },
  params: Record<string, string>,
  signal: AbortSignal,
): Promise<PodLogStream> {
  const { source, viewer: who } = await podLogAccess(deps, viewer, target.cluster, target.namespace);
  if (!NAME.test(target.pod)) throw new AppError("invalid_input", "Not a pod name", { pod: "a pod name (a DNS subdomain)" });
  const parsed = podLogParamsSchema.safeParse(params);
  if (!parsed.success) {
    throw new AppError("invalid_input", "Invalid log query", Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
  }
  const { download, ...query } = parsed.data satisfies PodLogQuery & { download: boolean };
  const key = `user:${who.login}`;
  const allowed = deps.podLogs.reads.take(key);
  if (!allowed.allowed) {
    deps.metrics.rateLimited("log_reads");
    throw new AppError("rate_limited", "Too many log reads: try again shortly", undefined, allowed.retryAfterSeconds);
  }
  const release = query.follow ? deps.podLogs.follows.acquire(key) : () => undefined;
  if (!release) {
    deps.metrics.rateLimited("log_follows");
    throw new AppError("rate_limited", "You are following as many logs as Berth allows at once: stop one first", undefined, 5);
  }
  const upstream = new AbortController();
  const onAbort = () => upstream.abort();
  signal.addEventListener("abort", onAbort, { once: true });
  const done = () => {
    signal.removeEventListener("abort", onAbort);
    release();
  };
  // Note: what was read, never what the log says.
  deps.log.info("pod log read", { ...target, container: query.container, follow: query.follow, previous: query.previous, download });
  let logs: ReadableStream<Uint8Array>;
  try {
    logs = await source.open(target.namespace, target.pod, query, upstream.signal);
  } catch (error) {
    done();
    throw podLogError(error, target.pod);
  }
  const upstreamReader = logs.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done: ended, value } = await upstreamReader.read();
        if (ended) {
          done();
          controller.close();
        } else controller.enqueue(value);
      } catch (error) {
        done();
        // Note: a stream the cluster cut (an outage, a restarted API server) ends the answer as any log ends,
        // rather than as a failed response Next would log as an error; Berth's log says it was cut.
        if (!upstream.signal.aborted) deps.log.warn("pod log stream ended early", { ...target, error: String(error) });
        controller.close();
      }
    },
    cancel() {
      upstream.abort();
      done();
      return upstreamReader.cancel().catch(() => undefined);
    },
  });
  return { body, filename: `${target.pod}_${query.container}${query.previous ? "_previous" : ""}.log` };
}
