import { KubeConfig } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPodLogSource } from "@/lib/clusters/pod-logs";
import { fakeClusterWatcher } from "@/lib/clusters/testing/fake-cluster-watcher";
import { startRealCluster, type RealCluster } from "@/lib/clusters/testing/real-cluster";
import { namespaceRecord } from "@/lib/environments/testing/namespace-record";
import { freePort } from "@/lib/testing/free-port";
import { createConcurrencyLimit } from "./concurrency-limit";
import { createRateLimiter } from "./rate-limit";
import { readPodLogs } from "./read-pod-logs";
import { clustersOf, fakeInventory, fakeServices, inventorySnapshot, roles } from "./testing/fake-services";

// Against a genuine kube-apiserver 1.20 (scripts/kube), which has no kubelet
// to serve logs from: its audit log shows the request Berth made, and its
// refusals show how Berth answers them. Berth reads as the "view" role's user.

let cluster: RealCluster;
let deps: ReturnType<typeof fakeServices>;
const NS = "team-logs";
const NODE = "ip-10-0-0-1.eu-west-2.compute.internal";

beforeAll(async () => {
  cluster = await startRealCluster();
  await cluster.core.createNamespace({ body: { metadata: { name: NS } } });
  const pod = (name: string, nodeName?: string) => ({
    metadata: { name },
    spec: { ...(nodeName ? { nodeName } : {}), containers: [{ name: "app", image: "registry.example/app:1" }] },
  });
  // Pods are admitted once the controller manager has made the namespace's default ServiceAccount and its token.
  const create = async (body: ReturnType<typeof pod>) => {
    for (const deadline = Date.now() + 60_000; ;) {
      const error = await cluster.core.createNamespacedPod({ namespace: NS, body }).then(
        () => null,
        (e: unknown) => e,
      );
      if (!error) return;
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  await create(pod("unscheduled"));
  // A node whose kubelet does not answer: its Node object says the kubelet listens on a port nothing listens on.
  // (A pod bound to a node with no Node object is deleted at once by the pod garbage collector.)
  await cluster.core.createNode({
    body: {
      metadata: { name: NODE },
      status: { addresses: [{ type: "InternalIP", address: "127.0.0.1" }], daemonEndpoints: { kubeletEndpoint: { Port: await freePort() } } },
    },
  });
  await create(pod("on-silent-node", NODE));
  const viewer = new KubeConfig();
  viewer.loadFromFile(cluster.viewerKubeconfig);
  deps = fakeServices({
    inventory: fakeInventory(inventorySnapshot([namespaceRecord(NS)])),
    clusters: clustersOf([fakeClusterWatcher("live", { namespaces: [NS] })]),
    podLogs: { source: () => createPodLogSource(viewer), reads: createRateLimiter({ capacity: 100, perSecond: 1 }), follows: createConcurrencyLimit(5) },
  });
}, 180_000);

afterAll(async () => {
  await cluster?.stop();
});

const read = (pod: string, params: Record<string, string>) =>
  readPodLogs(deps, roles.owner, { cluster: "live", namespace: NS, pod }, params, new AbortController().signal);

describe("pod logs against kube-apiserver", () => {
  it("asks the pod log endpoint with the container, tail, follow and previous, as the reading user", async () => {
    await read("on-silent-node", { container: "app", tailLines: "20", follow: "true", previous: "true" }).catch(() => undefined);
    const events = await cluster.auditLog();
    const event = events.find((e) => e.requestURI.startsWith(`/api/v1/namespaces/${NS}/pods/on-silent-node/log`));
    expect(event).toMatchObject({
      verb: "get",
      user: { username: "berth-viewer" },
      requestURI: `/api/v1/namespaces/${NS}/pods/on-silent-node/log?container=app&follow=true&previous=true&tailLines=20`,
    });
  });

  it("says the node's kubelet did not answer, not a 500, when the API server cannot reach it", async () => {
    await expect(read("on-silent-node", { container: "app" })).rejects.toMatchObject({
      code: "upstream",
      status: 502,
      message: expect.stringMatching(/^The cluster's API server could not read the log from the pod's node \(its kubelet\): ./),
    });
  });

  it("says a pod on no node has no logs yet (the API server's 204)", async () => {
    await expect(read("unscheduled", { container: "app" })).rejects.toMatchObject({
      code: "conflict",
      message: "Pod unscheduled has not been scheduled to a node yet: it has no logs",
    });
  });

  it("maps an unknown pod to 404 and an unknown container to 422 naming the field", async () => {
    await expect(read("no-such-pod", { container: "app" })).rejects.toMatchObject({ code: "not_found" });
    await expect(read("unscheduled", { container: "nope" })).rejects.toMatchObject({
      code: "invalid_input",
      fields: { container: "container nope is not valid for pod unscheduled" },
    });
  });
});
