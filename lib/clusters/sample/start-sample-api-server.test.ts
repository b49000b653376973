import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, TEST_TOKEN } from "./testing/start-test-server";
import { watchStream, type WatchEvent } from "./testing/watch-stream";

type Server = Awaited<ReturnType<typeof startTestServer>>;
interface List {
  kind: string;
  apiVersion: string;
  metadata: { resourceVersion: string; continue?: string; remainingItemCount?: number };
  items: { kind?: string; metadata: { name: string; namespace?: string; resourceVersion: string } }[];
}

const json = async <T>(response: Promise<Response>): Promise<T> => (await response).json() as Promise<T>;
const restartCount = (event: WatchEvent) => (event.object.status as { containerStatuses: { restartCount: number }[] }).containerStatuses[0]!.restartCount;

describe("the sample API server", () => {
  let server: Server;
  beforeAll(async () => {
    server = await startTestServer({ bookmarkSeconds: 0.05 });
  });
  afterAll(() => server.close());

  const firstRunningPod = async () => {
    const pods = await json<List>(server.get("/api/v1/pods"));
    return pods.items.find((p) => JSON.stringify(p).includes('"running"'))!.metadata as { name: string; namespace: string };
  };

  it("answers 401 with a Status without the token, and serves /version and health without one", async () => {
    const attempts: Record<string, string>[] = [{}, { authorization: "Bearer wrong" }, { authorization: TEST_TOKEN }];
    for (const headers of attempts) {
      const response = await fetch(`${server.url}/api/v1/pods`, { headers });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        kind: "Status",
        apiVersion: "v1",
        metadata: {},
        status: "Failure",
        message: "Unauthorized",
        reason: "Unauthorized",
        code: 401,
      });
    }
    expect(await json(fetch(`${server.url}/version`))).toMatchObject({ major: "1", gitVersion: expect.stringMatching(/^v1\./) });
    expect(await (await fetch(`${server.url}/readyz`)).text()).toBe("ok");
  });

  it("lists each collection with the list kind, and items without kind", async () => {
    const cases = [
      ["/api/v1/namespaces", "NamespaceList", "v1"],
      ["/api/v1/pods", "PodList", "v1"],
      ["/api/v1/secrets", "SecretList", "v1"],
      ["/api/v1/configmaps", "ConfigMapList", "v1"],
      ["/api/v1/events", "EventList", "v1"],
      ["/api/v1/resourcequotas", "ResourceQuotaList", "v1"],
      ["/apis/apps/v1/deployments", "DeploymentList", "apps/v1"],
      ["/apis/apps/v1/replicasets", "ReplicaSetList", "apps/v1"],
    ];
    for (const [path, kind, apiVersion] of cases) {
      const list = await json<List>(server.get(path!));
      expect([list.kind, list.apiVersion]).toEqual([kind, apiVersion]);
      expect(list.metadata.resourceVersion).toMatch(/^\d+$/);
      expect(list.items.length).toBeGreaterThan(0);
      expect(list.items.every((item) => item.kind === undefined)).toBe(true);
    }
    const inOne = await json<List>(server.get("/api/v1/namespaces/team-1-dev/pods"));
    expect(inOne.items.every((p) => p.metadata.namespace === "team-1-dev")).toBe(true);
    const pod = inOne.items[0]!.metadata;
    expect(await json(server.get(`/api/v1/namespaces/team-1-dev/pods/${pod.name}`))).toMatchObject({
      kind: "Pod",
      apiVersion: "v1",
      metadata: { name: pod.name },
    });
    const missing = await server.get("/apis/apps/v1/namespaces/team-1-dev/deployments/nope");
    expect([missing.status, ((await missing.json()) as { reason: string }).reason]).toEqual([404, "NotFound"]);
    expect((await server.get("/api/v1/nodes")).status).toBe(404);
    expect((await server.get("/api/v1/pods?labelSelector=app%3Dx")).status).toBe(400);
  });

  it("pages with limit and continue through one snapshot, every object once, however the cluster changes meanwhile", async () => {
    const all = await json<List>(server.get("/api/v1/pods"));
    const seen: string[] = [];
    let page = await json<List>(server.get("/api/v1/pods?limit=7"));
    const { resourceVersion } = page.metadata;
    expect(page.metadata.remainingItemCount).toBe(all.items.length - 7);
    server.controls.createNamespace({ name: "created-while-paging" });
    for (;;) {
      expect(page.items.length).toBeLessThanOrEqual(7);
      expect(page.metadata.resourceVersion).toBe(resourceVersion);
      seen.push(...page.items.map((p) => `${p.metadata.namespace}/${p.metadata.name}`));
      if (!page.metadata.continue) break;
      page = await json<List>(server.get(`/api/v1/pods?limit=7&continue=${encodeURIComponent(page.metadata.continue)}`));
    }
    expect(seen).toEqual(all.items.map((p) => `${p.metadata.namespace}/${p.metadata.name}`));
    expect(new Set(seen).size).toBe(seen.length);
    const bad = await server.get("/api/v1/pods?limit=7&continue=garbage");
    expect(bad.status).toBe(400);
    // resourceVersion=0 is served from the watch cache, which ignores limit.
    expect((await json<List>(server.get("/api/v1/pods?limit=7&resourceVersion=0"))).items.length).toBeGreaterThan(7);
  });

  it("watches from a list's resourceVersion: a later restart arrives as MODIFIED with a higher restartCount", async () => {
    const pod = await firstRunningPod();
    const list = await json<List>(server.get("/api/v1/pods"));
    const before = list.items.find((p) => p.metadata.name === pod.name) as unknown as WatchEvent["object"];
    const watch = watchStream(`${server.url}/api/v1/pods?watch=true&resourceVersion=${list.metadata.resourceVersion}`, TEST_TOKEN);
    expect(await watch.status).toBe(200);
    server.controls.restartPod(pod.namespace, pod.name);
    const event = await watch.next((e) => e.type === "MODIFIED" && e.object.metadata.name === pod.name);
    expect(event.object).toMatchObject({ kind: "Pod", apiVersion: "v1" });
    expect(restartCount(event)).toBe(restartCount({ type: "", object: before }) + 1);
    expect(Number(event.object.metadata.resourceVersion)).toBeGreaterThan(Number(list.metadata.resourceVersion));
    watch.close();
  });

  it("starts a watch without resourceVersion with ADDED for every current object", async () => {
    const list = await json<List>(server.get("/api/v1/namespaces/team-2-dev/secrets"));
    const watch = watchStream(`${server.url}/api/v1/namespaces/team-2-dev/secrets?watch=1`, TEST_TOKEN);
    await watch.next((e) => e.object.metadata.name === list.items[list.items.length - 1]!.metadata.name);
    expect(watch.events.map((e) => [e.type, e.object.kind, e.object.metadata.name])).toEqual(list.items.map((s) => ["ADDED", "Secret", s.metadata.name]));
    watch.close();
  });

  it("sends bookmarks that carry only the resourceVersion, when asked for them", async () => {
    const rv = (await json<List>(server.get("/apis/apps/v1/deployments"))).metadata.resourceVersion;
    const watch = watchStream(`${server.url}/apis/apps/v1/deployments?watch=true&resourceVersion=${rv}&allowWatchBookmarks=true`, TEST_TOKEN);
    const bookmark = await watch.next((e) => e.type === "BOOKMARK");
    expect(bookmark.object).toEqual({ kind: "Deployment", apiVersion: "apps/v1", metadata: { resourceVersion: rv } });
    watch.close();
  });

  it("ends a watch cleanly after timeoutSeconds", async () => {
    const watch = watchStream(
      `${server.url}/api/v1/events?watch=true&resourceVersion=${(await json<List>(server.get("/api/v1/events"))).metadata.resourceVersion}&timeoutSeconds=1`,
      TEST_TOKEN,
    );
    expect(await watch.ended).toBe("end");
    expect(watch.events).toEqual([]);
  });

  it("drops every connection during an outage and answers again afterwards", async () => {
    const watch = watchStream(
      `${server.url}/api/v1/namespaces?watch=true&resourceVersion=${(await json<List>(server.get("/api/v1/namespaces"))).metadata.resourceVersion}`,
      TEST_TOKEN,
    );
    expect(await watch.status).toBe(200);
    server.controls.setOutage(true);
    expect(await watch.ended).toBe("error");
    await expect(server.get("/api/v1/pods")).rejects.toThrow();
    await expect(fetch(`${server.url}/_sample/health`).then((r) => r.json())).resolves.toEqual({ ok: true, outage: true, logStreams: 0 });
    server.controls.setOutage(false);
    expect((await server.get("/api/v1/pods")).status).toBe(200);
  });
});

describe("the sample API server's memory of changes", () => {
  let server: Server;
  beforeAll(async () => {
    server = await startTestServer({ retainChanges: 3 });
  });
  afterAll(() => server.close());

  it("answers a watch from a resourceVersion it no longer retains with 410 Expired, as kube-apiserver does", async () => {
    const list = await json<List>(server.get("/api/v1/pods?limit=5"));
    const pods = (await json<List>(server.get("/api/v1/pods"))).items.filter((p) => JSON.stringify(p).includes('"running"'));
    // Each restart is two changes (the pod and its BackOff event), so three push the list's out of the last three.
    const restarted = pods.slice(0, 3).map((pod) => server.controls.restartPod(pod.metadata.namespace!, pod.metadata.name));
    const from = list.metadata.resourceVersion;
    const watch = watchStream(`${server.url}/api/v1/pods?watch=true&resourceVersion=${from}`, TEST_TOKEN);
    expect(await watch.ended).toBe("end");
    const oldest = Number(from) + 3;
    expect(watch.events).toEqual([
      {
        type: "ERROR",
        object: {
          kind: "Status",
          apiVersion: "v1",
          metadata: {},
          status: "Failure",
          message: `too old resource version: ${from} (${oldest})`,
          reason: "Expired",
          code: 410,
        },
      },
    ]);
    const expired = await server.get(`/api/v1/pods?limit=5&continue=${list.metadata.continue}`);
    expect(expired.status).toBe(410);
    expect(await expired.json()).toMatchObject({ kind: "Status", reason: "Expired", code: 410 });
    // From the oldest one still retained, the watch replays what came after.
    const resumed = watchStream(`${server.url}/api/v1/pods?watch=true&resourceVersion=${oldest}`, TEST_TOKEN);
    const last = restarted[2]!.metadata;
    await resumed.next((e) => e.object.metadata.resourceVersion === last.resourceVersion);
    expect(resumed.events.map((e) => [e.type, e.object.metadata.name])).toEqual([["MODIFIED", last.name]]);
    resumed.close();
  });
});
