import type { IncomingMessage, ServerResponse } from "node:http";
import { sampleResources, type SampleResource } from "./kube-object";
import { sendJson, sendStatus } from "./kube-status";
import { serveList } from "./serve-list";
import { LOG_PATH, serveLogs, type LogSettings } from "./serve-logs";
import { serveWatch, type WatchSettings } from "./serve-watch";
import type { SampleStore } from "./sample-store";

const PATH = /^\/(api\/v1|apis\/apps\/v1)(?:\/namespaces\/([^/]+))?\/([^/]+)(?:\/([^/]+))?$/;
// strconv.ParseBool's spellings of true, which is how kube-apiserver reads ?watch=.
const TRUE = ["1", "t", "T", "true", "TRUE", "True"];

/**
 * `/api/v1/...` and `/apis/apps/v1/...` after authentication: list, watch or
 * get one object of the served collections, cluster-wide or in a namespace;
 * a pod's log.
 */
export function serveApi(request: IncomingMessage, response: ServerResponse, url: URL, store: SampleStore, watch: WatchSettings, logs: LogSettings): void {
  const log = LOG_PATH.exec(url.pathname);
  if (log && request.method === "GET") {
    const accept = request.headers.accept ?? "*/*";
    if (!/(^|[\s,])(\*\/\*|application\/(\*|json|yaml))/.test(accept)) {
      return sendStatus(
        response,
        406,
        "NotAcceptable",
        "only the following media types are accepted: application/json, application/yaml, application/vnd.kubernetes.protobuf",
      );
    }
    return serveLogs(response, decodeURIComponent(log[1]!), decodeURIComponent(log[2]!), url.searchParams, store, logs);
  }
  const match = PATH.exec(url.pathname);
  const resource = match?.[3] as SampleResource | undefined;
  const served = resource !== undefined && Object.hasOwn(sampleResources, resource) ? sampleResources[resource] : undefined;
  const group = served?.apiVersion === "v1" ? "api/v1" : "apis/apps/v1";
  const namespace = match?.[2] && decodeURIComponent(match[2]);
  const name = match?.[4] && decodeURIComponent(match[4]);
  // A namespace in the path only for namespaced kinds; a name in the path of a cluster-scoped kind only without one.
  if (!match || !served || !resource || match[1] !== group || (namespace && !served.namespaced) || (name && served.namespaced && !namespace)) {
    return sendStatus(response, 404, "NotFound", "the server could not find the requested resource");
  }
  if (request.method !== "GET") {
    return sendStatus(response, 405, "MethodNotAllowed", `the sample server does not allow ${request.method} on ${resource}`);
  }
  // Refused rather than ignored, so a client that needs them cannot pass a test here and fail on a real cluster.
  const unsupported = ["labelSelector", "fieldSelector", "resourceVersionMatch", "sendInitialEvents"].find((p) => url.searchParams.has(p));
  if (unsupported) return sendStatus(response, 400, "BadRequest", `the sample server does not support ${unsupported}`);
  if (name) {
    const object = store.get(resource, namespace || undefined, name);
    if (object) return sendJson(response, 200, object);
    const details = { name, ...(served.apiVersion === "apps/v1" ? { group: "apps" } : {}), kind: resource };
    return sendStatus(response, 404, "NotFound", `${resource}${served.apiVersion === "apps/v1" ? ".apps" : ""} "${name}" not found`, details);
  }
  if (TRUE.includes(url.searchParams.get("watch") ?? "")) return serveWatch(response, store, resource, namespace || undefined, url.searchParams, watch);
  serveList(response, store, resource, namespace || undefined, url.searchParams);
}
