import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";

/** The header that carries the TCP peer's address from Node's HTTP server to route handlers. */
export const PEER_ADDRESS_HEADER = "x-berth-peer-address";

let recording = false;

/**
 * Note: Next.js gives route handlers a web Request, which has no socket, and
 * it fills X-Forwarded-For from the socket only when the client sent none, so
 * a client chooses its own X-Forwarded-For. Node's HTTP server publishes every
 * request on the `http.server.request.start` diagnostics channel before the
 * request reaches Next.js: Berth stamps the socket's address into its own
 * header there, always overwriting whatever the client sent under that name.
 * Route handlers then read it as the address of the nearest hop.
 */
export function recordPeerAddresses(): void {
  if (recording) return;
  recording = true;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    const address = socket.remoteAddress;
    if (address) request.headers[PEER_ADDRESS_HEADER] = address;
    else delete request.headers[PEER_ADDRESS_HEADER];
  });
}
