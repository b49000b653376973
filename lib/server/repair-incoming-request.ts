import { subscribe } from "node:diagnostics_channel";
import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import { parseAndValidateFlightRouterState } from "next/dist/server/app-render/parse-and-validate-flight-router-state";

/**
 * The path with every malformed percent-escape (`%E0`, a lone `%`, an
 * overlong UTF-8 sequence) made literal (`%25E0`), valid escapes untouched;
 * the query is left as it is (URLSearchParams reads bad escapes leniently).
 */
export function repairRequestPath(url: string): string {
  const queryAt = url.indexOf("?");
  const pathPart = queryAt === -1 ? url : url.slice(0, queryAt);
  const repaired = pathPart.replace(/(?:%[0-9A-Fa-f]{2})+|%/g, (run) => {
    if (run === "%") return "%25";
    try {
      decodeURIComponent(run);
      return run;
    } catch {
      return run.replace(/%/g, "%25");
    }
  });
  return queryAt === -1 ? repaired : repaired + url.slice(queryAt);
}

const ROUTER_STATE = "next-router-state-tree";

/**
 * Drops a Next-Router-State-Tree header Next.js could not parse (its own
 * validator decides), so the request is rendered as a full navigation would
 * be instead of throwing.
 */
export function dropInvalidRouterState(headers: IncomingHttpHeaders): void {
  const value = headers[ROUTER_STATE];
  if (value === undefined) return;
  try {
    parseAndValidateFlightRouterState(value);
  } catch {
    delete headers[ROUTER_STATE];
  }
}

let repairing = false;

/**
 * Note: Next.js 16 answers 500 to some malformed client input before any of
 * Berth's code runs: a path whose dynamic segment does not decode
 * (`/api/namespaces/live/%E0/status`, `/namespaces/live/%E0` signed in; its
 * route runtime throws its own copy of DecodeError, which the server's
 * `instanceof` check meant to answer 400 misses), and an RSC request whose
 * Next-Router-State-Tree header does not parse. A client's malformed request
 * is its own error, never a 500: before Next.js sees a request (Node's
 * `http.server.request.start` diagnostics channel, published before the
 * request event), malformed escapes are made literal, so the segment decodes
 * to text that names nothing and the route answers 404, and an unparsable
 * router state is dropped.
 */
export function repairIncomingRequests(): void {
  if (repairing) return;
  repairing = true;
  subscribe("http.server.request.start", (message) => {
    const { request } = message as { request: IncomingMessage };
    if (request.url?.includes("%")) request.url = repairRequestPath(request.url);
    dropInvalidRouterState(request.headers);
  });
}
