import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { GitHubCall } from "@/lib/git/observe-github";
import type { ClusterHealth } from "./cluster-health";
import type { InventoryStatus } from "./inventory-store";

/** What the gauges read when Prometheus scrapes; wiring passes the real ones, tests fakes. */
export interface MetricSources {
  /** Requests per state, from the database (shared by every replica). */
  requestStates(): Promise<Record<string, number>>;
  inventory(): InventoryStatus;
  clusters(): Pick<ClusterHealth, "cluster" | "state" | "lastSyncedAt">[];
  now(): Date;
  onError?(what: string, error: unknown): void;
}

const CLUSTER_STATES: ClusterHealth["state"][] = ["connecting", "synced", "unreachable", "not_configured"];

export type Metrics = ReturnType<typeof createMetrics>;

/**
 * Berth's Prometheus metrics, in a registry of their own. Counters are per
 * replica (Prometheus sums them); request states come from the database, so
 * every replica reports the same numbers and dashboards use max(), not sum().
 */
export function createMetrics(sources: MetricSources, options: { defaultMetrics?: boolean } = {}) {
  const registry = new Registry();
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry });

  const httpRequests = new Counter({
    name: "berth_http_requests_total",
    help: "API requests by route template, method and status.",
    labelNames: ["route", "method", "status"],
    registers: [registry],
  });
  const httpDuration = new Histogram({
    name: "berth_http_request_duration_seconds",
    help: "API request duration by route template and method.",
    labelNames: ["route", "method"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const githubCalls = new Counter({
    name: "berth_github_api_calls_total",
    help: "GitHub REST calls (each attempt) by method, route template and status (0: no answer).",
    labelNames: ["method", "route", "status"],
    registers: [registry],
  });
  const githubRemaining = new Gauge({
    name: "berth_github_rate_limit_remaining",
    help: "x-ratelimit-remaining of the last GitHub answer that had one, by x-ratelimit-resource (core, graphql).",
    labelNames: ["resource"],
    registers: [registry],
  });
  const githubRequests = new Counter({
    name: "berth_github_requests_total",
    help: "GitHub calls (each attempt, REST and GraphQL) by operation: the REST route template or `graphql <query name>`.",
    labelNames: ["operation"],
    registers: [registry],
  });
  const githubPaused = new Gauge({
    name: "berth_github_background_paused",
    help: "1 while the bot's rate limit is below its reserve: background reads wait, user actions go on.",
    registers: [registry],
  });
  const pollMode = new Gauge({
    name: "berth_github_poll_mode",
    help: "1 for the poller's current mode: webhooks (deliveries arrive, polling stretched) or polling (webhook silent or missed a change).",
    labelNames: ["mode"],
    registers: [registry],
  });
  const pollInterval = new Gauge({
    name: "berth_github_poll_interval_seconds",
    help: "The poller's current interval between reads of pull requests.",
    registers: [registry],
  });
  const webhooks = new Counter({
    name: "berth_webhook_deliveries_total",
    help: "GitHub webhook deliveries by event and outcome (handled, ignored, replay, refused, failed).",
    labelNames: ["event", "outcome"],
    registers: [registry],
  });
  const rateLimited = new Counter({ name: "berth_rate_limited_total", help: "Requests answered 429, by limit.", labelNames: ["limit"], registers: [registry] });
  const leaseHeld = new Gauge({
    name: "berth_lease_held",
    help: "1 while this replica holds the named lease (singleton background work).",
    labelNames: ["name"],
    registers: [registry],
  });

  const fail = (what: string, error: unknown) => sources.onError?.(what, error);

  new Gauge({
    name: "berth_requests",
    help: "Requests by state (from the database: the same on every replica).",
    labelNames: ["state"],
    registers: [registry],
    async collect() {
      try {
        const states = await sources.requestStates();
        this.reset();
        for (const [state, count] of Object.entries(states)) this.set({ state }, count);
      } catch (error) {
        // Note: a database outage must not take the metrics endpoint down with it; the values go stale instead.
        fail("reading request states", error);
      }
    },
  });
  new Gauge({
    name: "berth_index_age_seconds",
    help: "Seconds since the inventory index last matched the environments repository's head (NaN until loaded).",
    registers: [registry],
    collect() {
      const { checkedAt } = sources.inventory();
      this.set(checkedAt ? Math.max(0, (sources.now().getTime() - checkedAt.getTime()) / 1000) : Number.NaN);
    },
  });
  new Gauge({
    name: "berth_index_loaded",
    help: "1 once the inventory index is loaded.",
    registers: [registry],
    collect() {
      this.set(sources.inventory().loaded ? 1 : 0);
    },
  });
  new Gauge({
    name: "berth_index_namespaces",
    help: "Namespaces in the loaded inventory index.",
    registers: [registry],
    collect() {
      this.set(sources.inventory().namespaces);
    },
  });
  new Gauge({
    name: "berth_cluster_informer_state",
    help: "1 for each cluster's current informer state, 0 for the others.",
    labelNames: ["cluster", "state"],
    registers: [registry],
    collect() {
      this.reset();
      for (const health of sources.clusters()) for (const state of CLUSTER_STATES) this.set({ cluster: health.cluster, state }, health.state === state ? 1 : 0);
    },
  });

  return {
    registry,
    httpRequest(route: string, method: string, status: number, seconds: number) {
      httpRequests.inc({ route, method, status: String(status) });
      httpDuration.observe({ route, method }, seconds);
    },
    githubCall(call: GitHubCall) {
      githubCalls.inc({ method: call.method, route: call.route, status: String(call.status) });
      githubRequests.inc({ operation: call.operation });
      if (call.rateLimitRemaining !== null && Number.isFinite(call.rateLimitRemaining)) {
        githubRemaining.set({ resource: call.rateLimitResource ?? "core" }, call.rateLimitRemaining);
      }
    },
    /** The poller's mode and interval, and whether the budget holds background reads back. */
    githubPolling(mode: "webhooks" | "polling", intervalSeconds: number, paused: boolean) {
      for (const m of ["webhooks", "polling"]) pollMode.set({ mode: m }, m === mode ? 1 : 0);
      pollInterval.set(intervalSeconds);
      githubPaused.set(paused ? 1 : 0);
    },
    webhook(event: string, outcome: string) {
      webhooks.inc({ event, outcome });
    },
    rateLimited(limit: string) {
      rateLimited.inc({ limit });
    },
    lease(name: string, held: boolean) {
      leaseHeld.set({ name }, held ? 1 : 0);
    },
    /** The exposition text and its content type. */
    async render(): Promise<{ body: string; contentType: string }> {
      return { body: await registry.metrics(), contentType: registry.contentType };
    },
  };
}
