import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";

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

let repairing = false;

/**
 * Note: Next.js 16 answers 500 to a path whose dynamic segment does not
 * decode (`/api/namespaces/live/%E0/status`, `/namespaces/live/%E0` signed
 * in): its route runtime throws its own copy of DecodeError, which the server's
 * `instanceof` check (meant to answer 400) does not recognise. A client's
 * malformed path is its own error, never a 500: before Next.js sees a request
 * (Node's `http.server.request.start` diagnostics channel, published before
 * the request event), malformed escapes are made literal, so the segment
 * decodes to text that names nothing and the route answers 404.
 */
export function repairRequestPaths(): void {
  if (repairing) return;
  repairing = true;
  subscribe("http.server.request.start", (message) => {
    const { request } = message as { request: IncomingMessage };
    if (request.url?.includes("%")) request.url = repairRequestPath(request.url);
  });
}
