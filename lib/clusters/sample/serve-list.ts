import type { ServerResponse } from "node:http";
import { objectKey, sampleResources, type KubeObject, type SampleResource } from "./kube-object";
import { expiredStatus, sendJson, sendStatus } from "./kube-status";
import type { SampleStore } from "./sample-store";

/** A continue token as etcd3 storage writes one: base64url JSON of the list's revision and the next key. */
interface ContinueToken {
  v: "meta.k8s.io/v1";
  rv: number;
  start: string;
}

/**
 * GET of a collection. As kube-apiserver: `limit` pages through a snapshot
 * at one resourceVersion that every `continue` token carries (410 once the
 * store no longer retains it); `resourceVersion=0` is served from the watch
 * cache and ignores `limit`; a resourceVersion with `limit` reads that exact
 * revision.
 */
export function serveList(response: ServerResponse, store: SampleStore, resource: SampleResource, namespace: string | undefined, query: URLSearchParams): void {
  const limitText = query.get("limit");
  const limit = limitText ? Number(limitText) : 0;
  if (!Number.isInteger(limit) || limit < 0) return sendStatus(response, 400, "BadRequest", `invalid limit: ${limitText}`);
  const requestedVersion = query.get("resourceVersion") ?? "";
  const continueText = query.get("continue");
  let atVersion = store.resourceVersion();
  let start = "";
  if (continueText) {
    const token = decodeContinue(continueText);
    if (!token) return sendStatus(response, 400, "BadRequest", "continue key is not valid: the token could not be decoded");
    atVersion = token.rv;
    start = token.start;
  } else if (limit > 0 && requestedVersion !== "" && requestedVersion !== "0") {
    if (!/^\d+$/.test(requestedVersion)) return sendStatus(response, 400, "BadRequest", `invalid resourceVersion: ${requestedVersion}`);
    atVersion = Math.min(Number(requestedVersion), atVersion);
  }
  const all = store.list(resource, { namespace, atVersion });
  if (!all) {
    const message = continueText
      ? "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter."
      : "The resourceVersion for the provided list is too old.";
    return sendJson(response, 410, expiredStatus(message));
  }
  const rest = start ? all.filter((object) => objectKey(object.metadata) >= start) : all;
  const paged = limit > 0 && (Boolean(continueText) || requestedVersion !== "0");
  const items = paged ? rest.slice(0, limit) : rest;
  const more = paged && rest.length > items.length;
  const last = items[items.length - 1];
  const { kind, apiVersion } = sampleResources[resource];
  sendJson(response, 200, {
    kind: `${kind}List`,
    apiVersion,
    metadata: {
      resourceVersion: String(atVersion),
      ...(more && last
        ? {
            continue: encodeContinue({ v: "meta.k8s.io/v1", rv: atVersion, start: `${objectKey(last.metadata)}\u0000` }),
            remainingItemCount: rest.length - items.length,
          }
        : {}),
    },
    items: items.map(withoutType),
  });
}

/** In a list, items carry no kind or apiVersion: the list's own say what they are. */
function withoutType(object: KubeObject): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([field]) => field !== "kind" && field !== "apiVersion"));
}

function encodeContinue(token: ContinueToken): string {
  return Buffer.from(JSON.stringify(token)).toString("base64url");
}

function decodeContinue(text: string): ContinueToken | null {
  try {
    const token = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as Partial<ContinueToken>;
    return token.v === "meta.k8s.io/v1" && Number.isInteger(token.rv) && typeof token.start === "string" ? (token as ContinueToken) : null;
  } catch {
    return null;
  }
}
