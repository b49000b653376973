import { describe, expect, it } from "vitest";
import type { ClusterHealth } from "./cluster-health";
import { createMetrics, type MetricSources } from "./metrics";

function sources(overrides: Partial<MetricSources> = {}): MetricSources {
  return {
    requestStates: async () => ({ pr_open: 3, merged: 7 }),
    inventory: () => ({ loaded: true, commit: "c1", namespaces: 300, checkedAt: new Date(10_000) }),
    clusters: () => [],
    now: () => new Date(25_000),
    ...overrides,
  };
}

/** The value of one sample line, e.g. `berth_requests{state="merged"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("createMetrics", () => {
  it("counts API requests by route template, method and status, with durations", async () => {
    const metrics = createMetrics(sources(), { defaultMetrics: false });
    metrics.httpRequest("/api/namespaces", "GET", 200, 0.012);
    metrics.httpRequest("/api/namespaces", "GET", 200, 0.2);
    metrics.httpRequest("/api/requests", "POST", 429, 0.001);
    const { body, contentType } = await metrics.render();
    expect(contentType).toMatch(/^text\/plain/);
    expect(sample(body, 'berth_http_requests_total{route="/api/namespaces",method="GET",status="200"}')).toBe(2);
    expect(sample(body, 'berth_http_requests_total{route="/api/requests",method="POST",status="429"}')).toBe(1);
    expect(sample(body, 'berth_http_request_duration_seconds_bucket{le="0.025",route="/api/namespaces",method="GET"}')).toBe(1);
    expect(sample(body, 'berth_http_request_duration_seconds_count{route="/api/namespaces",method="GET"}')).toBe(2);
  });

  it("counts GitHub calls and keeps the last rate limit remaining", async () => {
    const metrics = createMetrics(sources(), { defaultMetrics: false });
    const route = "/repos/{owner}/{repo}/pulls/{pull_number}";
    const none = { rateLimitReset: null, rateLimitResource: null };
    metrics.githubCall({ method: "GET", route, operation: route, status: 200, durationMs: 5, rateLimitRemaining: 4999, ...none });
    metrics.githubCall({ method: "GET", route, operation: route, status: 502, durationMs: 5, rateLimitRemaining: null, ...none });
    const graphql = { method: "POST", route: "/graphql", operation: "graphql PullRequestSnapshots", status: 200, durationMs: 5 };
    metrics.githubCall({ ...graphql, rateLimitRemaining: 4990, rateLimitReset: 1, rateLimitResource: "graphql" });
    metrics.githubPolling("webhooks", 600, true);
    const { body } = await metrics.render();
    expect(sample(body, 'berth_github_api_calls_total{method="GET",route="/repos/{owner}/{repo}/pulls/{pull_number}",status="200"}')).toBe(1);
    expect(sample(body, 'berth_github_api_calls_total{method="GET",route="/repos/{owner}/{repo}/pulls/{pull_number}",status="502"}')).toBe(1);
    expect(sample(body, 'berth_github_rate_limit_remaining{resource="core"}')).toBe(4999);
    expect(sample(body, 'berth_github_rate_limit_remaining{resource="graphql"}')).toBe(4990);
    expect(sample(body, `berth_github_requests_total{operation="${route}"}`)).toBe(2);
    expect(sample(body, 'berth_github_requests_total{operation="graphql PullRequestSnapshots"}')).toBe(1);
    expect(sample(body, 'berth_github_poll_mode{mode="webhooks"}')).toBe(1);
    expect(sample(body, 'berth_github_poll_mode{mode="polling"}')).toBe(0);
    expect(sample(body, "berth_github_poll_interval_seconds")).toBe(600);
    expect(sample(body, "berth_github_background_paused")).toBe(1);
  });

  it("reports webhook outcomes, rate limiting, leases, request states and the index age", async () => {
    const metrics = createMetrics(sources(), { defaultMetrics: false });
    metrics.webhook("pull_request", "handled");
    metrics.webhook("pull_request", "replay");
    metrics.rateLimited("mutations");
    metrics.lease("poller", true);
    const { body } = await metrics.render();
    expect(sample(body, 'berth_webhook_deliveries_total{event="pull_request",outcome="handled"}')).toBe(1);
    expect(sample(body, 'berth_webhook_deliveries_total{event="pull_request",outcome="replay"}')).toBe(1);
    expect(sample(body, 'berth_rate_limited_total{limit="mutations"}')).toBe(1);
    expect(sample(body, 'berth_lease_held{name="poller"}')).toBe(1);
    expect(sample(body, 'berth_requests{state="pr_open"}')).toBe(3);
    expect(sample(body, 'berth_requests{state="merged"}')).toBe(7);
    expect(sample(body, "berth_index_age_seconds")).toBe(15);
    expect(sample(body, "berth_index_namespaces")).toBe(300);
  });

  it("shows each cluster's informer state as one series per state", async () => {
    let clusters: Pick<ClusterHealth, "cluster" | "state" | "lastSyncedAt">[] = [
      { cluster: "live", state: "synced", lastSyncedAt: new Date() },
      { cluster: "live-2", state: "unreachable", lastSyncedAt: null },
    ];
    const metrics = createMetrics(sources({ clusters: () => clusters }), { defaultMetrics: false });
    let { body } = await metrics.render();
    expect(sample(body, 'berth_cluster_informer_state{cluster="live",state="synced"}')).toBe(1);
    expect(sample(body, 'berth_cluster_informer_state{cluster="live",state="connecting"}')).toBe(0);
    expect(sample(body, 'berth_cluster_informer_state{cluster="live-2",state="unreachable"}')).toBe(1);
    clusters = [{ cluster: "live", state: "connecting", lastSyncedAt: null }];
    ({ body } = await metrics.render());
    expect(sample(body, 'berth_cluster_informer_state{cluster="live",state="connecting"}')).toBe(1);
    expect(sample(body, 'berth_cluster_informer_state{cluster="live-2",state="unreachable"}')).toBeUndefined();
  });

  it("still answers when the database does not, with no index age before the index loads", async () => {
    const errors: string[] = [];
    const metrics = createMetrics(
      sources({
        requestStates: () => Promise.reject(new Error("connection refused")),
        inventory: () => ({ loaded: false, commit: null, namespaces: 0, checkedAt: null }),
        onError: (what) => errors.push(what),
      }),
    );
    const { body } = await metrics.render();
    expect(body).toContain("process_cpu_user_seconds_total");
    expect(sample(body, "berth_index_age_seconds")).toBeNaN();
    expect(sample(body, "berth_index_loaded")).toBe(0);
    expect(errors).toEqual(["reading request states"]);
  });
});
