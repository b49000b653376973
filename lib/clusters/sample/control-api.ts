import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { sendJson } from "./kube-status";
import { SampleControlError, type SampleControls } from "./sample-controls";

/**
 * `/_sample/...`: how e2e tests and the demo change the cluster over HTTP.
 * Not Kubernetes' API, so plain `{ message }` errors; bad input is a 422.
 * `expected` is the `Authorization` value every control but health needs.
 */
export async function controlApi(
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
  controls: SampleControls,
  expected: Buffer,
): Promise<void> {
  if (!isLoopback(request.socket.remoteAddress)) return sendJson(response, 403, { message: "the control API answers only loopback callers" });
  const method = request.method ?? "GET";
  // Note: loopback alone is not enough: any web page open in the demo user's browser can post to 127.0.0.1 (and a
  // DNS-rebound name is even same-origin). Controls need the cluster's bearer token, which only the kubeconfig file
  // (mode 600) holds; health stays open for readiness checks and changes nothing.
  const given = Buffer.from(request.headers.authorization ?? "");
  const authorized = given.length === expected.length && timingSafeEqual(given, expected);
  if (!(method === "GET" && pathname === "/_sample/health") && !authorized) {
    return sendJson(response, 401, { message: "the control API needs Authorization: Bearer <the token in the sample cluster's kubeconfig>" });
  }
  let body: Record<string, unknown> = {};
  try {
    const text = await readBody(request);
    const parsed: unknown = text.trim() === "" ? {} : JSON.parse(text);
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return sendJson(response, 422, { message: "the body must be a JSON object" });
    body = parsed as Record<string, unknown>;
  } catch {
    return sendJson(response, 422, { message: "the body must be valid JSON" });
  }
  try {
    if (method === "GET" && pathname === "/_sample/health")
      return sendJson(response, 200, { ok: true, outage: controls.outage(), logStreams: controls.logStreams() });
    const restart = /^\/_sample\/pods\/([^/]+)\/([^/]+)\/restart$/.exec(pathname);
    if (method === "POST" && restart) {
      if (body.container !== undefined && typeof body.container !== "string") return sendJson(response, 422, { message: "container must be a string" });
      return sendJson(response, 200, controls.restartPod(decodeURIComponent(restart[1]!), decodeURIComponent(restart[2]!), body.container));
    }
    if (method === "POST" && pathname === "/_sample/namespaces") {
      if (typeof body.name !== "string") return sendJson(response, 422, { message: "name must be a string" });
      const labels = body.labels ?? {};
      if (!labels || typeof labels !== "object" || Array.isArray(labels)) return sendJson(response, 422, { message: "labels must be an object of strings" });
      const secrets = body.secrets ?? [];
      const valid = (s: unknown): s is { name: string; keys: string[] } =>
        !!s &&
        typeof s === "object" &&
        typeof (s as { name?: unknown }).name === "string" &&
        Array.isArray((s as { keys?: unknown }).keys) &&
        (s as { keys: unknown[] }).keys.every((k) => typeof k === "string");
      if (!Array.isArray(secrets) || !secrets.every(valid)) return sendJson(response, 422, { message: "secrets must be a list of { name, keys: [string] }" });
      const images = body.images ?? {};
      if (!images || typeof images !== "object" || Array.isArray(images) || Object.values(images).some((i) => typeof i !== "string")) {
        return sendJson(response, 422, { message: "images must be an object of deployment name to image" });
      }
      const apps = Object.entries(images as Record<string, string>).map(([app, image]) => ({ app, image }));
      return sendJson(
        response,
        201,
        controls.createNamespace({
          name: body.name,
          labels: labels as Record<string, string>,
          secrets: secrets.map(({ name, keys }) => ({ name, keys })),
          ...(apps.length ? { apps } : {}),
        }),
      );
    }
    if (method === "POST" && pathname === "/_sample/secrets") {
      const { namespace, name, keys } = body;
      if (typeof namespace !== "string" || typeof name !== "string") return sendJson(response, 422, { message: "namespace and name must be strings" });
      if (!Array.isArray(keys) || !keys.every((k) => typeof k === "string")) return sendJson(response, 422, { message: "keys must be a list of strings" });
      return sendJson(response, 200, controls.applySecret({ namespace, name, keys }));
    }
    const namespace = /^\/_sample\/namespaces\/([^/]+)$/.exec(pathname);
    if (method === "DELETE" && namespace) {
      controls.deleteNamespace(decodeURIComponent(namespace[1]!));
      return sendJson(response, 200, { deleted: decodeURIComponent(namespace[1]!) });
    }
    if (method === "POST" && pathname === "/_sample/outage") {
      if (typeof body.on !== "boolean") return sendJson(response, 422, { message: "on must be true or false" });
      controls.setOutage(body.on);
      return sendJson(response, 200, { outage: body.on });
    }
    sendJson(response, 404, { message: `no control endpoint ${method} ${pathname}` });
  } catch (error) {
    if (error instanceof SampleControlError) return sendJson(response, error.status, { message: error.message });
    throw error;
  }
}

function isLoopback(address: string | undefined): boolean {
  return address !== undefined && (address === "::1" || /^(::ffff:)?127\./.test(address));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
