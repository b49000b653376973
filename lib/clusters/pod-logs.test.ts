import { KubeConfig } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KubeApiError } from "./cluster-source";
import { createPodLogSource, podLogPath, type PodLogSource } from "./pod-logs";
import { sampleKubeconfig } from "./sample/sample-kubeconfig";
import { startTestServer, TEST_TOKEN } from "./sample/testing/start-test-server";

type Server = Awaited<ReturnType<typeof startTestServer>>;
interface PodList {
  items: { metadata: { name: string; namespace: string }; spec: { containers: { name: string }[] }; status: { phase: string } }[];
}

describe("createPodLogSource against the sample API server", () => {
  let server: Server;
  let source: PodLogSource;
  let pod: { ns: string; name: string; container: string };
  beforeAll(async () => {
    server = await startTestServer({ logLineMs: 20 });
    const config = new KubeConfig();
    config.loadFromString(sampleKubeconfig({ url: server.url, token: TEST_TOKEN, context: "sample" }));
    source = createPodLogSource(config);
    const running = ((await (await server.get("/api/v1/pods")).json()) as PodList).items.find((p) => p.status.phase === "Running")!;
    pod = { ns: running.metadata.namespace, name: running.metadata.name, container: running.spec.containers[0]!.name };
  });
  afterAll(() => server.close());

  it("asks the pod log endpoint with exactly the query given", () => {
    expect(podLogPath("a b", "p", { container: "app", tailLines: 10, follow: true, previous: true })).toBe(
      "/api/v1/namespaces/a%20b/pods/p/log?container=app&follow=true&previous=true&tailLines=10",
    );
    expect(podLogPath("ns", "p", { container: "app", tailLines: null, follow: false, previous: false })).toBe("/api/v1/namespaces/ns/pods/p/log?container=app");
  });

  it("reads a pod's containers and the last lines of one", async () => {
    const containers = await source.containers(pod.ns, pod.name);
    expect(containers.map((c) => c.name)).toContain(pod.container);
    const body = source.open(pod.ns, pod.name, { container: pod.container, tailLines: 3, follow: false, previous: false }, new AbortController().signal);
    expect((await new Response(await body).text()).trimEnd().split("\n")).toHaveLength(3);
  });

  it("rejects with the API server's status and message", async () => {
    const open = source.open(pod.ns, "no-such-pod", { container: "x", tailLines: 1, follow: false, previous: false }, new AbortController().signal);
    await expect(open).rejects.toEqual(new KubeApiError('pods "no-such-pod" not found', 404));
    await expect(source.containers(pod.ns, "no-such-pod")).rejects.toMatchObject({ status: 404 });
  });

  it("closes the connection to the API server when the signal aborts a follow", async () => {
    const controller = new AbortController();
    const body = await source.open(pod.ns, pod.name, { container: pod.container, tailLines: 1, follow: true, previous: false }, controller.signal);
    const reader = body.getReader();
    await reader.read();
    await expect.poll(() => server.controls.logStreams()).toBe(1);
    controller.abort();
    await expect.poll(() => server.controls.logStreams()).toBe(0);
  });
});
