import type { ServerResponse } from "node:http";
import { sendStatus } from "./kube-status";
import { exitLines, isRefusal, linesWritten, logLines, logRun, SAMPLE_LOG_KEEP, type LogRun } from "./sample-logs";
import type { SampleStore } from "./sample-store";

export interface LogSettings {
  /** A running container writes a line this often. */
  lineMs: number;
  now: () => Date;
  /** Open streams, so an outage can cut them. */
  open: Set<ServerResponse>;
}

export const LOG_PATH = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/log$/;
const SUPPORTED = ["container", "follow", "previous", "tailLines"];
const TRUE = ["1", "t", "T", "true", "TRUE", "True"];

/**
 * `GET /api/v1/namespaces/{ns}/pods/{pod}/log`: a container's output as
 * text/plain, the last `tailLines`, and with `follow` new lines as the
 * container writes them, until it exits (its crash then ends the stream).
 */
export function serveLogs(response: ServerResponse, namespace: string, name: string, query: URLSearchParams, store: SampleStore, settings: LogSettings): void {
  const unsupported = [...query.keys()].find((key) => !SUPPORTED.includes(key));
  if (unsupported) return sendStatus(response, 400, "BadRequest", `the sample server does not support ${unsupported} on pod logs`);
  const tailText = query.get("tailLines");
  const tail = tailText === null ? null : Number(tailText);
  if (tail !== null && !(Number.isInteger(tail) && tail >= 0)) return sendStatus(response, 400, "BadRequest", `invalid tailLines: ${tailText}`);
  const pod = store.get("pods", namespace, name);
  if (!pod) return sendStatus(response, 404, "NotFound", `pods "${name}" not found`, { name, kind: "pods" });
  const previous = TRUE.includes(query.get("previous") ?? "");
  const run = logRun(pod, query.get("container"), previous);
  if (isRefusal(run)) return sendStatus(response, run.code, run.reason, run.message, run.details);

  // A pod on no node: kube-apiserver has no kubelet to ask, and answers 204 with no body.
  if (!run) return void response.writeHead(204).end();
  response.writeHead(200, { "content-type": "text/plain", "cache-control": "no-cache, private" });
  const { lineMs } = settings;
  let written = linesWritten(run, settings.now().getTime(), lineMs);
  const lines = [...logLines(run, Math.max(0, written - SAMPLE_LOG_KEEP), written, lineMs), ...exitLines(run)];
  const shown = tail === null ? lines : tail === 0 ? [] : lines.slice(-tail);
  response.write(shown.map((l) => `${l}\n`).join(""));
  if (!TRUE.includes(query.get("follow") ?? "") || run.end !== null) return void response.end();

  response.flushHeaders();
  settings.open.add(response);
  const timer = setInterval(() => {
    const current = store.get("pods", namespace, name);
    const now = current ? logRun(current, run.container, false) : null;
    const ended = !now || isRefusal(now) || now.id !== run.id;
    const ran: LogRun = ended ? { ...run, end: settings.now().getTime(), exit: { reason: "Error", exitCode: 1 } } : run;
    const total = linesWritten(ran, settings.now().getTime(), lineMs);
    const next = [...logLines(ran, written, total, lineMs), ...(ended ? exitLines(ran) : [])];
    written = total;
    if (next.length > 0) response.write(next.map((l) => `${l}\n`).join(""));
    if (ended) response.end();
  }, lineMs);
  response.on("close", () => {
    settings.open.delete(response);
    clearInterval(timer);
  });
}
