import { createRng } from "../../environments/sample/create-rng";
import type { KubeObject } from "./kube-object";
import { hashString } from "./sample-names";

/** One run of a container: from its start to its exit, or still running. */
export interface LogRun {
  /** What makes this run's lines its own (the container ID, or its start). */
  id: string;
  container: string;
  image: string;
  start: number;
  /** Null while it runs. */
  end: number | null;
  exit: { reason: string; exitCode: number } | null;
}

/** A refusal as the API server (or the kubelet through it) writes it. */
export interface LogRefusal {
  code: number;
  reason: string;
  message: string;
  details?: Record<string, string>;
}

/** The most lines the sample server keeps of a run, as a node's log rotation would. */
export const SAMPLE_LOG_KEEP = 5000;

interface ContainerStatus {
  name: string;
  containerID?: string;
  state?: { running?: { startedAt: string }; waiting?: { reason?: string }; terminated?: Terminated };
  lastState?: { terminated?: Terminated };
}
interface Terminated {
  reason?: string;
  exitCode: number;
  startedAt?: string;
  finishedAt?: string;
  containerID?: string;
}

/**
 * Which run `GET .../pods/{pod}/log` reads, with the API server's and
 * kubelet's refusals: the container must be named when the pod has several,
 * an unscheduled pod has no logs (null: 204), a container waiting to start
 * has none yet, and `previous` needs a terminated container.
 */
export function logRun(pod: KubeObject, container: string | null, previous: boolean): LogRun | LogRefusal | null {
  const spec = pod.spec as { containers: { name: string; image: string }[]; nodeName?: string };
  const name = pod.metadata.name;
  const names = spec.containers.map((c) => c.name);
  if (!container) {
    if (names.length !== 1) return badRequest(`a container name must be specified for pod ${name}, choose one of: [${names.join(" ")}]`);
    container = names[0]!;
  }
  const declared = spec.containers.find((c) => c.name === container);
  if (!declared) return badRequest(`container ${container} is not valid for pod ${name}`);
  if (!spec.nodeName) return null;
  const status = ((pod.status as { containerStatuses?: ContainerStatus[] }).containerStatuses ?? []).find((s) => s.name === container);
  const last = status?.lastState?.terminated;
  const running = status?.state?.running;
  const base = { container, image: declared.image };
  const ended = (t: Terminated, id: string): LogRun => ({
    ...base,
    id,
    start: Date.parse(t.startedAt ?? t.finishedAt!),
    end: Date.parse(t.finishedAt!),
    exit: { reason: t.reason ?? "Error", exitCode: t.exitCode },
  });
  if (!previous) {
    if (running) return { ...base, id: status!.containerID ?? running.startedAt, start: Date.parse(running.startedAt), end: null, exit: null };
    // A container in back-off shows the run that just crashed, as `kubectl logs` does.
    if (last?.finishedAt) return ended(last, last.containerID ?? last.finishedAt);
    return badRequest(`container "${container}" in pod "${name}" is waiting to start: ${status?.state?.waiting?.reason ?? "ContainerCreating"}`);
  }
  if (!last?.finishedAt || (!running && !status?.state?.waiting)) return badRequest(`previous terminated container "${container}" in pod "${name}" not found`);
  if (running) return ended(last, last.containerID ?? last.finishedAt);
  // In back-off the current run is the last terminated one; the run before it crashed the same way.
  const length = Date.parse(last.finishedAt) - Date.parse(last.startedAt ?? last.finishedAt);
  const finished = Date.parse(last.startedAt ?? last.finishedAt) - 10_000;
  return ended({ ...last, startedAt: new Date(finished - length).toISOString(), finishedAt: new Date(finished).toISOString() }, `${last.containerID}-before`);
}

export function isRefusal(value: LogRun | LogRefusal | null): value is LogRefusal {
  return value !== null && "code" in value;
}

/** How many lines the run has written by `now`, one every `lineMs` from its start (the exit lines not counted). */
export function linesWritten(run: LogRun, now: number, lineMs: number): number {
  const until = Math.min(now, run.end ?? now);
  return Math.max(0, Math.floor((until - run.start) / lineMs) + 1);
}

/** Lines `from` up to (not including) `to` of a run; deterministic, so a follow continues what a tail showed. */
export function logLines(run: LogRun, from: number, to: number, lineMs: number): string[] {
  const lines: string[] = [];
  for (let k = from; k < to; k++) lines.push(line(run, k, lineMs));
  return lines;
}

/** What a container writes as it stops: a stack trace for an error, nothing for the kernel's OOM kill. */
export function exitLines(run: LogRun): string[] {
  if (!run.exit || run.end === null) return [];
  const at = new Date(run.end).toISOString();
  if (run.exit.reason === "OOMKilled") return [];
  if (run.exit.exitCode === 0) return [`${at} INFO  received SIGTERM, draining`, `${at} INFO  shutdown complete`];
  const rng = createRng(hashString(run.id));
  const address = `172.20.${rng.int(32, 191)}.${rng.int(1, 254)}:5432`;
  return [
    `${at} ERROR unhandled error, exiting with code ${run.exit.exitCode}`,
    `Error: connect ECONNREFUSED ${address}`,
    `    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1607:16)`,
    `    at async Client.connect (/app/node_modules/pg/lib/client.js:132:7)`,
    `    at async Pool.connect (/app/node_modules/pg-pool/index.js:45:11)`,
    `    at async ${worker(run) ? "processBatch (/app/dist/worker.js:214:18)" : "handler (/app/dist/server.js:88:21)"}`,
    `    at async Timeout.poll [as _onTimeout] (/app/dist/main.js:97:5) {`,
    `  errno: -111,`,
    `  code: 'ECONNREFUSED',`,
    `  syscall: 'connect',`,
    `  address: '${address.split(":")[0]}',`,
    `  port: 5432`,
    `}`,
  ];
}

const worker = (run: LogRun) => /worker|job|consumer/.test(`${run.container} ${run.image}`);
const PATHS = ["/healthz", "/api/v1/activities", "/api/v1/activities/{id}", "/api/v1/sessions", "/metrics"];
const QUEUES = ["activities", "allocations", "notifications"];

function line(run: LogRun, k: number, lineMs: number): string {
  const at = new Date(run.start + k * lineMs).toISOString();
  const version = run.image.split(":").at(-1) ?? "latest";
  const startup = worker(run)
    ? [`starting ${run.container} ${version}`, "connected to postgres", `consuming queues ${QUEUES.join(", ")}`]
    : [`starting ${run.container} ${version}`, "connected to postgres", "listening on 0.0.0.0:8080"];
  if (k < startup.length) return `${at} INFO  ${startup[k]}`;
  const rng = createRng(hashString(`${run.id}/${k}`));
  if (worker(run)) {
    if (rng.chance(0.06)) return `${at} WARN  job ${rng.int(10_000, 99_999)} retried (attempt ${rng.int(2, 4)}): upstream timeout after 5000ms`;
    return `${at} INFO  processed job ${rng.int(10_000, 99_999)} queue=${rng.pick(QUEUES)} duration_ms=${rng.int(3, 900)}`;
  }
  const path = rng.pick(PATHS).replace("{id}", String(rng.int(1, 9999)));
  const status = rng.weighted([
    [200, 90],
    [404, 5],
    [500, 1],
  ] as const);
  return `${at} ${status >= 500 ? "ERROR" : "INFO "} ${rng.pick(["GET", "GET", "GET", "POST"])} ${path} ${status} ${rng.int(1, 300)}ms request_id=${rng.int(100_000, 999_999)}`;
}

function badRequest(message: string): LogRefusal {
  return { code: 400, reason: "BadRequest", message };
}
