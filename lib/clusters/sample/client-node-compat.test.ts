import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { AppsV1Api, CoreV1Api, KubeConfig, Watch } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleKubeconfig } from "./sample-kubeconfig";
import { startTestServer, TEST_TOKEN } from "./testing/start-test-server";

type Server = Awaited<ReturnType<typeof startTestServer>>;
interface Seen {
  type: string;
  object: {
    kind?: string;
    code?: number;
    reason?: string;
    metadata?: { name?: string; resourceVersion?: string };
    status?: { containerStatuses?: { restartCount: number }[] };
  };
}

/** Watch.watch with its callbacks turned into a list of events, a wait for one, and a promise of `done`. */
async function watchWithClientNode(config: KubeConfig, path: string, query: Record<string, string | boolean>) {
  const seen: Seen[] = [];
  const waiters: { match: (e: Seen) => boolean; resolve: (e: Seen) => void }[] = [];
  let finish: (error: unknown) => void = () => {};
  const done = new Promise<unknown>((resolve) => (finish = resolve));
  const controller = await new Watch(config).watch(
    path,
    query,
    (type, object) => {
      const event = { type, object } as Seen;
      seen.push(event);
      for (const w of waiters.filter((w) => w.match(event))) w.resolve(event);
    },
    (error) => finish(error),
  );
  const next = (match: (e: Seen) => boolean) => {
    const found = seen.find(match);
    return found ? Promise.resolve(found) : new Promise<Seen>((resolve) => waiters.push({ match, resolve }));
  };
  return { seen, next, done, stop: () => controller.abort() };
}

describe("client-node 1.4.0 against the sample server", () => {
  const scratch = mkdtempSync(path.join(tmpdir(), "berth-sample-kube-"));
  let server: Server;
  let config: KubeConfig;
  beforeAll(async () => {
    server = await startTestServer({ bookmarkSeconds: 0.05, retainChanges: 4 });
    const file = path.join(scratch, "kubeconfig");
    writeFileSync(file, sampleKubeconfig({ url: server.url, token: TEST_TOKEN, context: "live" }));
    config = new KubeConfig();
    config.loadFromFile(file);
  });
  afterAll(async () => {
    await server.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it("lists in pages through the generated API clients", async () => {
    const apps = config.makeApiClient(AppsV1Api);
    const all = await apps.listDeploymentForAllNamespaces();
    const names: string[] = [];
    let _continue: string | undefined;
    do {
      const page = await apps.listDeploymentForAllNamespaces({ limit: 5, _continue });
      names.push(...page.items.map((d) => `${d.metadata!.namespace}/${d.metadata!.name}`));
      expect(page.items[0]!.status!.conditions!.length).toBeGreaterThan(0);
      _continue = page.metadata!._continue;
    } while (_continue);
    expect(names).toEqual(all.items.map((d) => `${d.metadata!.namespace}/${d.metadata!.name}`));
    const namespaces = await config.makeApiClient(CoreV1Api).listNamespace();
    expect(namespaces.items.map((n) => n.metadata!.name)).toContain("kube-system");
    expect(namespaces.items.find((n) => n.metadata!.deletionTimestamp)?.status?.phase).toBe("Terminating");
  });

  it("watches from a list's resourceVersion with bookmarks, and sees a restart", async () => {
    const core = config.makeApiClient(CoreV1Api);
    const list = await core.listPodForAllNamespaces({ limit: 500 });
    const pod = list.items.find((p) => p.status?.containerStatuses?.[0]?.state?.running)!;
    const watch = await watchWithClientNode(config, "/api/v1/pods", { resourceVersion: list.metadata!.resourceVersion!, allowWatchBookmarks: true });
    const bookmark = await watch.next((e) => e.type === "BOOKMARK");
    expect(bookmark.object).toEqual({ kind: "Pod", apiVersion: "v1", metadata: { resourceVersion: list.metadata!.resourceVersion } });
    server.controls.restartPod(pod.metadata!.namespace!, pod.metadata!.name!);
    const modified = await watch.next((e) => e.type === "MODIFIED" && e.object.metadata?.name === pod.metadata!.name);
    expect(modified.object.status!.containerStatuses![0]!.restartCount).toBe(pod.status!.containerStatuses![0]!.restartCount + 1);
    watch.stop();
    expect(await watch.done).toMatchObject({ name: "AbortError" });
  });

  it("gets the ERROR event with 410 Expired for a resourceVersion too old, and the watch ends", async () => {
    const core = config.makeApiClient(CoreV1Api);
    const list = await core.listNamespacedPod({ namespace: "team-3-dev" });
    const running = list.items.find((p) => p.status?.containerStatuses?.length)!;
    for (let i = 0; i < 3; i++) server.controls.restartPod("team-3-dev", running.metadata!.name!);
    const watch = await watchWithClientNode(config, "/api/v1/namespaces/team-3-dev/pods", {
      resourceVersion: list.metadata!.resourceVersion!,
      allowWatchBookmarks: true,
    });
    expect(await watch.done).toBeNull();
    expect(watch.seen).toEqual([{ type: "ERROR", object: expect.objectContaining({ kind: "Status", code: 410, reason: "Expired" }) }]);
  });

  it("reports an outage to done with an error", async () => {
    const watch = await watchWithClientNode(config, "/api/v1/namespaces", {});
    await watch.next((e) => e.object.metadata?.name === "kube-system");
    server.controls.setOutage(true);
    try {
      expect(await watch.done).toBeInstanceOf(Error);
      await expect(config.makeApiClient(CoreV1Api).listNamespace()).rejects.toThrow();
    } finally {
      server.controls.setOutage(false);
    }
    expect((await config.makeApiClient(CoreV1Api).listNamespace()).items.length).toBeGreaterThan(8);
  });
});
