import { PEER_ADDRESS_HEADER } from "./peer-address";

/**
 * The client's address for rate limits. Note: with no trusted proxies (the
 * default) it is the TCP peer, whatever X-Real-IP or X-Forwarded-For claim,
 * since any client can send those. Behind `trustedHops` proxies that each
 * append the address they received from to X-Forwarded-For (ingress-nginx
 * does), the client is the entry `trustedHops` from the right: everything
 * left of it was written by the client or by an untrusted hop.
 */
export function clientAddress(request: Request, trustedHops: number): string {
  const peer = request.headers.get(PEER_ADDRESS_HEADER)?.trim() || "unknown";
  if (trustedHops <= 0) return peer;
  const forwarded = (request.headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  // Fewer entries than trusted hops: the request did not come through the proxies, so its own peer is all that is known.
  return forwarded.at(-trustedHops) ?? peer;
}
