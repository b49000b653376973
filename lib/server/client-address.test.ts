import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";
import { PEER_ADDRESS_HEADER, recordPeerAddresses } from "./peer-address";

function request(headers: Record<string, string>): Request {
  return new Request("http://berth.test/api/requests", { method: "POST", headers });
}

describe("clientAddress", () => {
  const spoofed = { "x-real-ip": "203.0.113.9", "x-forwarded-for": "198.51.100.1, 198.51.100.2", [PEER_ADDRESS_HEADER]: "10.0.0.7" };

  it("trusts no proxy by default: the socket's address, not X-Real-IP or X-Forwarded-For", () => {
    expect(clientAddress(request(spoofed), 0)).toBe("10.0.0.7");
  });

  it("behind trusted proxies takes the entry that many hops from the right", () => {
    expect(clientAddress(request(spoofed), 1)).toBe("198.51.100.2");
    expect(clientAddress(request(spoofed), 2)).toBe("198.51.100.1");
  });

  it("falls back to the peer when the chain is shorter than the trusted hops", () => {
    expect(clientAddress(request({ "x-forwarded-for": "198.51.100.1", [PEER_ADDRESS_HEADER]: "10.0.0.7" }), 3)).toBe("10.0.0.7");
    expect(clientAddress(request({}), 0)).toBe("unknown");
  });
});

describe("recordPeerAddresses", () => {
  it("stamps the socket's address over whatever the client sent under Berth's header", async () => {
    recordPeerAddresses();
    const server = createServer((req, res) => res.end(String(req.headers[PEER_ADDRESS_HEADER])));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/`, { headers: { [PEER_ADDRESS_HEADER]: "203.0.113.9", "x-forwarded-for": "203.0.113.9" } });
      expect(await response.text()).toBe("127.0.0.1");
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
