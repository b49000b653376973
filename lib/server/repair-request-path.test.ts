import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { repairRequestPath, repairRequestPaths } from "./repair-request-path";

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

  it("repairs requests before a Node HTTP server's handler sees them", async () => {
    repairRequestPaths();
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
