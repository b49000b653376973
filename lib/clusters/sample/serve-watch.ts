import type { ServerResponse } from "node:http";
import { sampleResources, type KubeObject, type SampleResource } from "./kube-object";
import { expiredStatus, sendStatus } from "./kube-status";
import type { SampleStore } from "./sample-store";

export interface WatchSettings {
  /** How often a watch with allowWatchBookmarks=true gets a BOOKMARK. */
  bookmarkMs: number;
  /** How long a watch without timeoutSeconds lasts (kube-apiserver: 30-60 minutes). */
  defaultTimeoutSeconds: number;
  /** Open watches, so an outage can cut them all. */
  open: Set<ServerResponse>;
}

/**
 * `?watch=true` on a collection: newline-delimited JSON events in a chunked
 * 200 response, as kube-apiserver streams them. Without a resourceVersion
 * (or "0") every current object comes first as ADDED; from a resourceVersion
 * the retained changes after it are replayed, or, when it is older than the
 * retained ones, a single ERROR event with a 410 Expired Status ends it.
 */
export function serveWatch(
  response: ServerResponse,
  store: SampleStore,
  resource: SampleResource,
  namespace: string | undefined,
  query: URLSearchParams,
  settings: WatchSettings,
): void {
  const fromText = query.get("resourceVersion") ?? "";
  if (fromText !== "" && !/^\d+$/.test(fromText)) return sendStatus(response, 400, "BadRequest", `invalid resourceVersion: ${fromText}`);
  const timeoutText = query.get("timeoutSeconds");
  // 0 means "none given", as kube-apiserver reads it.
  const timeoutSeconds = timeoutText === null || timeoutText === "0" ? settings.defaultTimeoutSeconds : Number(timeoutText);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds < 0) return sendStatus(response, 400, "BadRequest", `invalid timeoutSeconds: ${timeoutText}`);

  response.writeHead(200, { "content-type": "application/json", "cache-control": "no-cache, private" });
  // Headers now, not with the first event: a client waits for them before it reads the stream.
  response.flushHeaders();
  const send = (type: string, object: unknown) => {
    if (!response.destroyed && !response.writableEnded) response.write(`${JSON.stringify({ type, object })}\n`);
  };
  const wanted = (object: KubeObject) => namespace === undefined || object.metadata.namespace === namespace;
  const from = Number(fromText || "0");
  if (from === 0) {
    for (const object of store.list(resource, { namespace }) ?? []) send("ADDED", object);
  } else if (from < store.oldestWatchable()) {
    send("ERROR", expiredStatus(`too old resource version: ${from} (${store.oldestWatchable()})`));
    response.end();
    return;
  } else {
    for (const change of store.changesSince(resource, from)) if (wanted(change.object)) send(change.type, change.object);
  }

  settings.open.add(response);
  // Only changes after `from`, even when `from` is ahead of the store, as kube-apiserver's cache watchers filter.
  const unsubscribe = store.subscribe((change) => {
    if (change.resource === resource && change.resourceVersion > from && wanted(change.object)) send(change.type, change.object);
  });
  const { kind, apiVersion } = sampleResources[resource];
  const bookmarks =
    query.get("allowWatchBookmarks") === "true"
      ? setInterval(() => send("BOOKMARK", { kind, apiVersion, metadata: { resourceVersion: String(store.resourceVersion()) } }), settings.bookmarkMs)
      : undefined;
  const timeout = setTimeout(() => response.end(), timeoutSeconds * 1000);
  response.on("close", () => {
    settings.open.delete(response);
    unsubscribe();
    clearInterval(bookmarks);
    clearTimeout(timeout);
  });
}
