import { describe, expect, it } from "vitest";
import { KubeApiError } from "@/lib/clusters/cluster-source";
import type { PodLogQuery, PodLogSource } from "@/lib/clusters/pod-logs";
import { fakeClusterWatcher } from "@/lib/clusters/testing/fake-cluster-watcher";
import { namespaceRecord } from "@/lib/environments/testing/namespace-record";
import { createConcurrencyLimit } from "./concurrency-limit";
import { createRateLimiter } from "./rate-limit";
import { readPodLogs } from "./read-pod-logs";
import { clustersOf, fakeInventory, fakeServices, inventorySnapshot, roles } from "./testing/fake-services";

const SECRET_LINE = "2026-06-01T00:00:00.000Z INFO password=hunter2-from-the-log";

/** A cluster whose log stream stays open until cancelled, recording each open and whether its connection was aborted. */
function scriptedSource(fail?: KubeApiError) {
  const opened: { query: PodLogQuery; signal: AbortSignal }[] = [];
  const source: PodLogSource = {
    containers: async () => [{ name: "app", restarts: 0, hasPrevious: false }],
    async open(_namespace, _pod, query, signal) {
      if (fail) throw fail;
      opened.push({ query, signal });
      return new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(`${SECRET_LINE}\n`));
          if (!query.follow) controller.close();
        },
      });
    },
  };
  return { source, opened };
}

function depsWith(source: PodLogSource, limits: { reads?: number; follows?: number } = {}) {
  const live = fakeClusterWatcher("live", { namespaces: ["orders-dev", "stray"] });
  return fakeServices({
    inventory: fakeInventory(inventorySnapshot([namespaceRecord("orders-dev")])),
    clusters: clustersOf([live]),
    podLogs: {
      source: (cluster) => (cluster === "live" ? source : null),
      reads: createRateLimiter({ capacity: limits.reads ?? 100, perSecond: 0.001 }),
      follows: createConcurrencyLimit(limits.follows ?? 2),
    },
  });
}

const target = { cluster: "live", namespace: "orders-dev", pod: "api-7d9f-abcde" };
const text = (body: ReadableStream<Uint8Array>) => new Response(body).text();

describe("readPodLogs", () => {
  it("lets owners and reviewers read; a member is forbidden, an unknown namespace not found, drift reviewers only", async () => {
    const { source, opened } = scriptedSource();
    const deps = depsWith(source);
    const signal = new AbortController().signal;
    for (const viewer of [roles.owner, roles.reviewer]) {
      const { body, filename } = await readPodLogs(deps, viewer, target, { container: "app", tailLines: "20" }, signal);
      expect(await text(body)).toBe(`${SECRET_LINE}\n`);
      expect(filename).toBe("api-7d9f-abcde_app.log");
    }
    expect(opened.map((o) => o.query)).toEqual(Array(2).fill({ container: "app", tailLines: 20, follow: false, previous: false }));
    await expect(readPodLogs(deps, roles.member, target, { container: "app" }, signal)).rejects.toMatchObject({ code: "forbidden" });
    await expect(readPodLogs(deps, null, target, { container: "app" }, signal)).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(readPodLogs(deps, roles.owner, { ...target, namespace: "nowhere" }, { container: "app" }, signal)).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(readPodLogs(deps, roles.member, { ...target, namespace: "stray" }, { container: "app" }, signal)).rejects.toMatchObject({
      code: "not_found",
    });
    await readPodLogs(deps, roles.reviewer, { ...target, namespace: "stray" }, { container: "app" }, signal);
  });

  it("refuses bad input naming the field, before reading anything", async () => {
    const { source, opened } = scriptedSource();
    const deps = depsWith(source);
    const signal = new AbortController().signal;
    await expect(readPodLogs(deps, roles.owner, target, { container: "App;rm" }, signal)).rejects.toMatchObject({
      code: "invalid_input",
      fields: { container: expect.any(String) },
    });
    await expect(readPodLogs(deps, roles.owner, target, { container: "app", tailLines: "0" }, signal)).rejects.toMatchObject({
      fields: { tailLines: expect.any(String) },
    });
    await expect(readPodLogs(deps, roles.owner, { ...target, pod: "../secrets" }, { container: "app" }, signal)).rejects.toMatchObject({
      fields: { pod: expect.any(String) },
    });
    expect(opened).toHaveLength(0);
  });

  it("closes the connection to the cluster when the browser goes away, and frees the follow slot", async () => {
    const { source, opened } = scriptedSource();
    const deps = depsWith(source, { follows: 1 });
    const browser = new AbortController();
    const { body } = await readPodLogs(deps, roles.owner, target, { container: "app", follow: "true" }, browser.signal);
    const reader = body.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe(`${SECRET_LINE}\n`);
    await expect(readPodLogs(deps, roles.owner, target, { container: "app", follow: "true" }, new AbortController().signal)).rejects.toMatchObject({
      code: "rate_limited",
    });
    browser.abort();
    expect(opened[0]!.signal.aborted).toBe(true);
    await reader.cancel();
    expect(deps.podLogs.follows.held("user:olly")).toBe(0);
    // Cancelling the body alone (the response was dropped) closes it too.
    const second = await readPodLogs(deps, roles.owner, target, { container: "app", follow: "true" }, new AbortController().signal);
    await second.body.cancel();
    expect(opened[1]!.signal.aborted).toBe(true);
    expect(deps.podLogs.follows.held("user:olly")).toBe(0);
  });

  it("ends the answer cleanly when the cluster cuts the stream, saying so in Berth's log", async () => {
    let pulls = 0;
    const cut: PodLogSource = {
      containers: async () => [],
      open: async () =>
        new ReadableStream<Uint8Array>({
          // A line, then the connection drops.
          pull(controller) {
            if (pulls++ === 0) controller.enqueue(new TextEncoder().encode(`${SECRET_LINE}\n`));
            else controller.error(new Error("aborted"));
          },
        }),
    };
    const deps = depsWith(cut);
    const { body } = await readPodLogs(deps, roles.owner, target, { container: "app", follow: "true" }, new AbortController().signal);
    expect(await text(body)).toBe(`${SECRET_LINE}\n`);
    expect(deps.podLogs.follows.held("user:olly")).toBe(0);
    expect(deps.log.lines.find((l) => l.msg === "pod log stream ended early")).toMatchObject({ level: "warn", pod: target.pod });
    expect(JSON.stringify(deps.log.lines)).not.toContain("hunter2");
  });

  it("limits reads per user per minute, with Retry-After", async () => {
    const deps = depsWith(scriptedSource().source, { reads: 2 });
    const signal = new AbortController().signal;
    await readPodLogs(deps, roles.owner, target, { container: "app" }, signal);
    await readPodLogs(deps, roles.owner, target, { container: "app" }, signal);
    await expect(readPodLogs(deps, roles.owner, target, { container: "app" }, signal)).rejects.toMatchObject({
      code: "rate_limited",
      retryAfterSeconds: expect.any(Number),
    });
    await readPodLogs(deps, roles.reviewer, target, { container: "app" }, signal);
  });

  it("maps the API server's refusals to answers a user can act on", async () => {
    const cases: [KubeApiError, string, RegExp][] = [
      [new KubeApiError('pods "api-7d9f-abcde" not found', 404), "not_found", /No pod api-7d9f-abcde/],
      [new KubeApiError('previous terminated container "app" in pod "api-7d9f-abcde" not found', 400), "not_found", /has not restarted/],
      [new KubeApiError("container nope is not valid for pod api-7d9f-abcde", 400), "invalid_input", /not valid/],
      [new KubeApiError('container "app" in pod "api-7d9f-abcde" is waiting to start: ContainerCreating', 400), "conflict", /No logs yet/],
      [new KubeApiError('nodes "ip-10-0-0-1" not found', 404), "upstream", /node .* is gone/],
      [new KubeApiError("forbidden", 403), "upstream", /pods\/log/],
      [new KubeApiError("socket hang up", null), "upstream", /refused/],
      [new KubeApiError("pod api-7d9f-abcde has not been scheduled to a node", 204), "conflict", /not been scheduled to a node yet/],
      [new KubeApiError("dial tcp 10.0.0.1:10250: connect: connection refused", 500), "upstream", /could not read the log from the pod's node/],
      // Another bundle's KubeApiError (the services were made by another Next bundle).
      [Object.assign(new Error('pods "api-7d9f-abcde" not found'), { name: "KubeApiError", status: 404 }) as KubeApiError, "not_found", /No pod/],
    ];
    for (const [error, code, message] of cases) {
      const deps = depsWith(scriptedSource(error).source);
      await expect(readPodLogs(deps, roles.owner, target, { container: "app" }, new AbortController().signal)).rejects.toMatchObject({
        code,
        message: expect.stringMatching(message),
      });
    }
  });

  it("logs who read which container, never a line of the log", async () => {
    const deps = depsWith(scriptedSource().source);
    const { body } = await readPodLogs(deps, roles.owner, target, { container: "app", previous: "true", download: "true" }, new AbortController().signal);
    await text(body);
    const lines = deps.log.lines.map((l) => JSON.stringify(l)).join("\n");
    expect(lines).toContain("pod log read");
    expect(lines).not.toContain("hunter2");
  });
});
