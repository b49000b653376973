import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, TEST_TOKEN } from "./testing/start-test-server";

type Server = Awaited<ReturnType<typeof startTestServer>>;
interface PodList {
  items: {
    metadata: { name: string; namespace: string };
    spec: { containers: { name: string }[]; nodeName?: string };
    status: { containerStatuses?: { state: { running?: object; waiting?: { reason: string } }; lastState: { terminated?: object } }[] };
  }[];
}

const LINE_MS = 20;
const STAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (INFO|WARN|ERROR) /;

/** Reads a streamed body until `enough` holds of its lines; no sleeping, the server's timer writes them. */
async function readUntil(response: Response, enough: (lines: string[]) => boolean): Promise<{ lines: string[]; done: boolean }> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    text += value ?? "";
    const lines = text.split("\n").filter(Boolean);
    if (done || enough(lines)) {
      if (!done) await reader.cancel();
      return { lines, done };
    }
  }
}

describe("the sample API server's pod logs", () => {
  let server: Server;
  let now = Date.parse("2026-01-05T09:00:00Z");
  let pods: PodList["items"];
  beforeAll(async () => {
    // One pod no node took yet (the scheduler found no room), made from a generated one.
    server = await startTestServer({ logLineMs: LINE_MS, now: () => new Date(now) }, (objects) => {
      const pod = structuredClone(objects.find((o) => o.kind === "Pod")!);
      const spec = pod.spec as { nodeName?: string };
      delete spec.nodeName;
      return [
        ...objects,
        { ...pod, metadata: { ...pod.metadata, name: `${pod.metadata.name}-unscheduled`, uid: "unscheduled-pod" }, status: { phase: "Pending" } },
      ];
    });
    pods = ((await (await server.get("/api/v1/pods")).json()) as PodList).items;
  });
  afterAll(() => server.close());

  const find = (test: (pod: PodList["items"][number]) => boolean) => {
    const pod = pods.find(test);
    if (!pod) throw new Error("the sample has no such pod");
    return { ns: pod.metadata.namespace, name: pod.metadata.name, container: pod.spec.containers[0]!.name };
  };
  const running = () =>
    find((p) => p.spec.containers.length > 1 && !!p.status.containerStatuses?.[0]?.state.running && !p.status.containerStatuses[0].lastState.terminated);
  const logPath = (pod: { ns: string; name: string; container: string }, query: string) =>
    `/api/v1/namespaces/${pod.ns}/pods/${pod.name}/log?container=${pod.container}&${query}`;

  it("answers the last tailLines lines as text, the same lines each time", async () => {
    const pod = running();
    const response = await server.get(logPath(pod, "tailLines=25"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain");
    const text = await response.text();
    const lines = text.trimEnd().split("\n");
    expect(lines).toHaveLength(25);
    for (const line of lines) expect(line).toMatch(STAMP);
    expect(Date.parse(lines.at(-1)!.slice(0, 24))).toBeLessThanOrEqual(now);
    expect(await (await server.get(logPath(pod, "tailLines=25"))).text()).toBe(text);
  });

  it("follows: lines written as the clock passes arrive on the open stream", async () => {
    const pod = running();
    const response = await server.get(logPath(pod, "tailLines=2&follow=true"));
    const before = now;
    now += 5 * LINE_MS;
    const { lines, done } = await readUntil(response, (l) => l.length >= 7);
    expect(done).toBe(false);
    const times = lines.map((l) => Date.parse(l.slice(0, 24)));
    expect(times.slice(1).map((t, i) => t - times[i]!)).toEqual(Array(6).fill(LINE_MS));
    expect(Date.parse(lines.at(-1)!.slice(0, 24))).toBeGreaterThan(before);
  });

  it("serves the previous container after a restart, ending in its crash; before one, 400 as the kubelet answers", async () => {
    const pod = running();
    const refused = await server.get(logPath(pod, "previous=true"));
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      kind: "Status",
      status: "Failure",
      reason: "BadRequest",
      code: 400,
      message: `previous terminated container "${pod.container}" in pod "${pod.name}" not found`,
    });
    const follow = await server.get(logPath(pod, "follow=true&tailLines=0"));
    server.controls.restartPod(pod.ns, pod.name);
    // The followed container crashed: its stack trace comes and the stream ends, as the kubelet's does.
    const followed = await readUntil(follow, () => false);
    expect(followed.done).toBe(true);
    expect(followed.lines).toContainEqual(expect.stringMatching(/^Error: connect ECONNREFUSED/));
    now += 10 * LINE_MS;
    const previous = (await (await server.get(logPath(pod, "previous=true"))).text()).trimEnd().split("\n");
    expect(previous.at(-1)).toBe("}");
    expect(previous).toContainEqual(expect.stringMatching(/ERROR unhandled error, exiting with code 1$/));
    const current = (await (await server.get(logPath(pod, "tailLines=100"))).text()).trimEnd().split("\n");
    expect(current[0]).toMatch(/INFO {2}starting /);
  });

  it("shows a container in back-off its last crash", async () => {
    const pod = find((p) => p.status.containerStatuses?.[0]?.state.waiting?.reason === "CrashLoopBackOff");
    const lines = (await (await server.get(logPath(pod, "tailLines=5"))).text()).trimEnd().split("\n");
    expect(lines.at(-1)).toBe("}");
    const previous = await server.get(logPath(pod, "previous=true&tailLines=5"));
    expect(previous.status).toBe(200);
  });

  it("refuses as kube-apiserver does: unknown pod 404, unknown container 400; an unscheduled pod 204", async () => {
    const pod = running();
    const missing = await server.get(`/api/v1/namespaces/${pod.ns}/pods/no-such-pod/log`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({
      reason: "NotFound",
      code: 404,
      message: 'pods "no-such-pod" not found',
      details: { name: "no-such-pod", kind: "pods" },
    });
    const container = await server.get(logPath({ ...pod, container: "nope" }, ""));
    expect(container.status).toBe(400);
    expect(await container.json()).toMatchObject({ reason: "BadRequest", message: `container nope is not valid for pod ${pod.name}` });
    expect((await server.get(logPath(pod, "tailLines=-1"))).status).toBe(400);
    const textOnly = await fetch(`${server.url}${logPath(pod, "")}`, { headers: { authorization: `Bearer ${TEST_TOKEN}`, accept: "text/plain" } });
    expect(await textOnly.json()).toMatchObject({ code: 406, reason: "NotAcceptable" });
    expect((await server.get(logPath(pod, "sinceTime=2026-01-01T00:00:00Z"))).status).toBe(400);
    const unnamed = await server.get(`/api/v1/namespaces/${pod.ns}/pods/${pod.name}/log`);
    expect(await unnamed.json()).toMatchObject({
      code: 400,
      message: expect.stringMatching(/^a container name must be specified for pod .*, choose one of: \[/),
    });
    const pending = find((p) => !p.spec.nodeName);
    const empty = await server.get(logPath(pending, ""));
    expect([empty.status, await empty.text()]).toEqual([204, ""]);
  });
});
