import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, TEST_TOKEN } from "./testing/start-test-server";
import { watchStream } from "./testing/watch-stream";

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe("the sample server's control API", () => {
  let server: Server;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const control = (method: string, path: string, body?: unknown, authorization = `Bearer ${TEST_TOKEN}`) =>
    fetch(`${server.url}/_sample${path}`, {
      method,
      headers: { authorization },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
  const answer = async (response: Promise<Response>) => {
    const r = await response;
    return { status: r.status, body: (await r.json()) as Record<string, unknown> & { message?: string } };
  };
  const rvNow = async () => ((await (await server.get("/api/v1/namespaces")).json()) as { metadata: { resourceVersion: string } }).metadata.resourceVersion;

  it("refuses every control without the cluster's token, as a web page in the demo user's browser would send it", async () => {
    for (const [method, path, body] of [
      ["POST", "/outage", { on: true }],
      ["POST", "/namespaces", { name: "planted" }],
      ["DELETE", "/namespaces/default", undefined],
      ["POST", "/pods/default/any/restart", {}],
      ["POST", "/secrets", { namespace: "default", name: "planted", keys: [] }],
    ] as const) {
      for (const authorization of ["", "Bearer wrong", `Bearer ${TEST_TOKEN}x`]) {
        expect((await control(method, path, body, authorization)).status, `${method} ${path} ${authorization}`).toBe(401);
      }
    }
    expect((await answer(control("GET", "/health", undefined, ""))).body).toEqual({ ok: true, outage: false, logStreams: 0 });
  });

  it("creates a namespace as the pipeline would apply it, with a healthy workload", async () => {
    const from = await rvNow();
    const namespaces = watchStream(`${server.url}/api/v1/namespaces?watch=true&resourceVersion=${from}`, TEST_TOKEN);
    const deployments = watchStream(`${server.url}/apis/apps/v1/deployments?watch=true&resourceVersion=${from}`, TEST_TOKEN);
    const created = await answer(control("POST", "/namespaces", { name: "visits-dev", labels: { "cloud-platform.justice.gov.uk/team-name": "visits" } }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: "Namespace",
      metadata: { name: "visits-dev", labels: { "cloud-platform.justice.gov.uk/team-name": "visits" } },
      status: { phase: "Active" },
    });
    expect((await namespaces.next((e) => e.object.metadata.name === "visits-dev")).type).toBe("ADDED");
    const deployment = await deployments.next((e) => e.object.metadata.namespace === "visits-dev");
    expect(deployment.object.status).toMatchObject({
      conditions: [
        { type: "Available", status: "True" },
        { type: "Progressing", status: "True" },
      ],
    });
    expect(JSON.stringify(deployment.object.spec)).toContain("754256621582.dkr.ecr.eu-west-2.amazonaws.com/visits/");
    const pods = (await (await server.get("/api/v1/namespaces/visits-dev/pods")).json()) as {
      items: { status: { containerStatuses: { restartCount: number; ready: boolean }[] } }[];
    };
    expect(pods.items.flatMap((p) => p.status.containerStatuses).every((c) => c.ready && c.restartCount === 0)).toBe(true);
    for (const path of ["pods", "secrets", "resourcequotas", "events"]) {
      const list = (await (await server.get(`/api/v1/namespaces/visits-dev/${path}`)).json()) as { items: unknown[] };
      expect(list.items.length, path).toBeGreaterThan(0);
    }
    namespaces.close();
    deployments.close();
  });

  it("creates a namespace whose deployment reads its declared Secrets, and rewrites a Secret with other keys", async () => {
    const secrets = [{ name: "orders-db-output", keys: ["database_name", "rds_instance_endpoint"] }];
    expect((await answer(control("POST", "/namespaces", { name: "orders-dev", secrets }))).status).toBe(201);
    const deployments = (await (await server.get("/apis/apps/v1/namespaces/orders-dev/deployments")).json()) as {
      items: { spec: { template: { spec: { containers: { env?: { name: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[] }[] } } } }[];
    };
    const env = deployments.items[0]!.spec.template.spec.containers[0]!.env!;
    expect(env.filter((e) => e.valueFrom?.secretKeyRef).map((e) => [e.name, e.valueFrom!.secretKeyRef!.key])).toEqual([
      ["DATABASE_NAME", "database_name"],
      ["RDS_INSTANCE_ENDPOINT", "rds_instance_endpoint"],
    ]);
    const rewritten = await answer(control("POST", "/secrets", { namespace: "orders-dev", name: "orders-db-output", keys: ["database_name"] }));
    expect(rewritten.status).toBe(200);
    expect(Object.keys(rewritten.body.data as object)).toEqual(["database_name"]);
    expect((await answer(control("POST", "/secrets", { namespace: "orders-dev", name: "x", keys: "a" }))).status).toBe(422);
    expect((await answer(control("POST", "/secrets", { namespace: "nowhere", name: "x", keys: [] }))).status).toBe(404);
    expect((await answer(control("POST", "/namespaces", { name: "orders-prod", secrets: [{ name: "Bad Name", keys: [] }] }))).status).toBe(422);
    expect((await answer(control("POST", "/namespaces", { name: "orders-prod", secrets: "x" }))).status).toBe(422);
  });

  it("creates a namespace running the deployments and images asked for", async () => {
    const images = { api: "registry.example/visits/api:v2.1.0", ui: "registry.example/visits/ui:c0ffee1" };
    expect((await answer(control("POST", "/namespaces", { name: "visits-staging", images }))).status).toBe(201);
    const list = (await (await server.get("/apis/apps/v1/namespaces/visits-staging/deployments")).json()) as {
      items: { metadata: { name: string }; spec: { template: { spec: { containers: { image: string }[] } } } }[];
    };
    expect(Object.fromEntries(list.items.map((d) => [d.metadata.name, d.spec.template.spec.containers.map((c) => c.image).join(" ")]))).toEqual(images);
  });

  it("rejects bad input with 422 and a clear message, and a second namespace of a name with 409", async () => {
    const cases: [unknown, RegExp][] = [
      [{ name: "Bad_Name" }, /DNS label/],
      [{ name: "a".repeat(64) }, /DNS label/],
      [{ name: 7 }, /name must be a string/],
      [{ name: "fine", labels: { "bad key!": "x" } }, /not a valid Kubernetes label/],
      [{ name: "fine", labels: ["x"] }, /labels must be an object/],
      ["{ not json", /valid JSON/],
      [{ name: "fine", images: ["x"] }, /images must be an object/],
      [{ name: "fine", images: { Api: "ecr/api:1" } }, /deployment name "Api" must be a DNS label/],
      [{ name: "fine", images: { api: "ecr/api:1 --x" } }, /not an image reference/],
    ];
    for (const [body, message] of cases) {
      const { status, body: reply } = await answer(control("POST", "/namespaces", body));
      expect([status, reply.message]).toEqual([422, expect.stringMatching(message)]);
    }
    expect((await answer(control("POST", "/namespaces", { name: "team-1-dev" }))).status).toBe(409);
    expect((await answer(control("POST", "/outage", { on: "yes" }))).status).toBe(422);
    expect((await answer(control("GET", "/nothing"))).status).toBe(404);
  });

  it("deletes a namespace: Terminating, then its contents, then the namespace", async () => {
    const from = await rvNow();
    const namespaces = watchStream(`${server.url}/api/v1/namespaces?watch=true&resourceVersion=${from}`, TEST_TOKEN);
    const pods = watchStream(`${server.url}/api/v1/namespaces/team-2-dev/pods?watch=true&resourceVersion=${from}`, TEST_TOKEN);
    expect((await answer(control("DELETE", "/namespaces/team-2-dev"))).status).toBe(200);
    await namespaces.next((e) => e.type === "DELETED");
    expect(namespaces.events.map((e) => [e.type, e.object.metadata.name, (e.object.status as { phase: string }).phase])).toEqual([
      ["MODIFIED", "team-2-dev", "Terminating"],
      ["DELETED", "team-2-dev", "Terminating"],
    ]);
    await pods.next((e) => e.type === "DELETED");
    expect((await (await server.get("/api/v1/namespaces/team-2-dev/pods")).json()).items).toEqual([]);
    expect((await answer(control("DELETE", "/namespaces/team-2-dev"))).status).toBe(404);
    expect((await answer(control("DELETE", "/namespaces/kube-system"))).status).toBe(403);
    namespaces.close();
    pods.close();
  });

  it("restarts a pod: MODIFIED with one more restart, lastState Error, and a Warning BackOff event", async () => {
    const list = (await (await server.get("/api/v1/namespaces/team-4-dev/pods")).json()) as {
      metadata: { resourceVersion: string };
      items: { metadata: { name: string }; status: { containerStatuses?: { restartCount: number }[] } }[];
    };
    const pod = list.items.find((p) => p.status.containerStatuses)!;
    const events = watchStream(`${server.url}/api/v1/events?watch=true&resourceVersion=${list.metadata.resourceVersion}`, TEST_TOKEN);
    const restarted = await answer(control("POST", `/pods/team-4-dev/${pod.metadata.name}/restart`));
    expect(restarted.status).toBe(200);
    const [status] = (restarted.body.status as { containerStatuses: { restartCount: number; lastState: { terminated: { reason: string } } }[] })
      .containerStatuses;
    expect(status!.restartCount).toBe(pod.status.containerStatuses![0]!.restartCount + 1);
    expect(status!.lastState.terminated.reason).toBe("Error");
    const event = await events.next((e) => e.object.reason === "BackOff");
    expect(event.object).toMatchObject({ type: "Warning", involvedObject: { kind: "Pod", name: pod.metadata.name } });
    expect((await answer(control("POST", "/pods/team-4-dev/nope/restart"))).status).toBe(404);
    expect((await answer(control("POST", `/pods/team-4-dev/${pod.metadata.name}/restart`, { container: "nope" }))).status).toBe(422);
    events.close();
  });

  it("switches an outage on and off over HTTP", async () => {
    expect((await answer(control("POST", "/outage", { on: true }))).body).toEqual({ outage: true });
    await expect(server.get("/api/v1/pods")).rejects.toThrow();
    expect((await answer(control("GET", "/health"))).body).toEqual({ ok: true, outage: true, logStreams: 0 });
    expect((await answer(control("POST", "/outage", { on: false }))).body).toEqual({ outage: false });
    expect((await server.get("/api/v1/pods")).status).toBe(200);
  });
});

describe("churn", () => {
  it("restarts a random pod on its interval", async () => {
    const server = await startTestServer({ churnSeconds: 0.05 });
    try {
      const watch = watchStream(
        `${server.url}/api/v1/pods?watch=true&resourceVersion=${(await (await server.get("/api/v1/pods")).json()).metadata.resourceVersion}`,
        TEST_TOKEN,
      );
      expect((await watch.next((e) => e.type === "MODIFIED")).object.kind).toBe("Pod");
      watch.close();
    } finally {
      await server.close();
    }
  });
});

describe("churn and declared secrets", () => {
  it("churn restarts the first running pod of its namespace, and a declared secret gets exactly its keys", async () => {
    const server = await startTestServer({ churnSeconds: 0.05, churnNamespace: "team-3-dev" });
    try {
      const pod = server.controls.firstRunningPod("team-3-dev")!;
      const restarts = async () =>
        (
          (await (await server.get(`/api/v1/namespaces/team-3-dev/pods/${pod.metadata.name}`)).json()) as {
            status: { containerStatuses: { restartCount: number }[] };
          }
        ).status.containerStatuses[0]!.restartCount;
      const before = await restarts();
      await expect.poll(restarts, { timeout: 5000 }).toBeGreaterThan(before);

      server.controls.applySecret({ namespace: "team-3-dev", name: "queue-output", keys: ["sqs_url", "sqs_arn"] });
      const secret = (await (await server.get("/api/v1/namespaces/team-3-dev/secrets/queue-output")).json()) as { data: Record<string, string> };
      expect(Object.keys(secret.data)).toEqual(["sqs_url", "sqs_arn"]);
      expect(() => server.controls.applySecret({ namespace: "nowhere", name: "x", keys: [] })).toThrow(/does not exist/);
    } finally {
      await server.close();
    }
  });
});
