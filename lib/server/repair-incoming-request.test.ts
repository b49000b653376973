import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { dropInvalidRouterState, repairIncomingRequests, repairRequestPath } from "./repair-incoming-request";

describe("repairRequestPath", () => {
  it.each([
    ["/namespaces/live/%E0", "/namespaces/live/%25E0"],
    ["/api/namespaces/live/%/status", "/api/namespaces/live/%25/status"],
    ["/a/%zz/%2", "/a/%25zz/%252"],
    ["/a/%C0%AF", "/a/%25C0%25AF"],
    ["/a/%E0?q=%E0", "/a/%25E0?q=%E0"],
  ])("makes the malformed escapes of %s literal", (url, repaired) => {
    expect(repairRequestPath(url)).toBe(repaired);
    expect(() => repaired.split("?")[0]!.split("/").map(decodeURIComponent)).not.toThrow();
  });

  it.each(["/namespaces/live/orders-dev", "/a/%25/status", "/a/caf%C3%A9", "/a/%2F%20b?q=%zz", "/"])("leaves %s as it is", (url) => {
    expect(repairRequestPath(url)).toBe(url);
  });

  it("drops a router state header Next.js cannot parse, keeping a valid one", () => {
    for (const bad of ["fNDXilu", "%E0", "[1,2]", "{}", "x".repeat(50_000)]) {
      const headers: Record<string, string> = { "next-router-state-tree": bad, rsc: "1" };
      dropInvalidRouterState(headers);
      expect(headers).toEqual({ rsc: "1" });
    }
    const valid = { "next-router-state-tree": encodeURIComponent(JSON.stringify(["", { children: ["__PAGE__", {}] }, null, null])) };
    dropInvalidRouterState(valid);
    expect(valid["next-router-state-tree"]).toBeDefined();
  });

  it("repairs requests before a Node HTTP server's handler sees them", async () => {
    repairIncomingRequests();
    const server = createServer((req, res) => res.end(req.url));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      expect(await (await fetch(`http://127.0.0.1:${port}/api/namespaces/live/%E0/status`)).text()).toBe("/api/namespaces/live/%25E0/status");
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
