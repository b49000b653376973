import { spawn } from "node:child_process";
import path from "node:path";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { controlClient } from "./control-client";

const root = path.resolve(__dirname, "../../..");

describe("main.ts (the process Playwright's webServer starts)", () => {
  it("prints its URL when ready, serves the control API and the REST prefix, and stops on SIGTERM", async () => {
    const args = ["e2e/fakes/github/main.ts", "--port", "0", "--org", "acme", "--api-prefix", "/api/v3", "--client-id", "x", "--client-secret", "y"];
    const child = spawn(path.join(root, "node_modules/.bin/tsx"), args, { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
    try {
      let output = "";
      child.stdout.setEncoding("utf8");
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on("data", (chunk: string) => {
          output += chunk;
          const match = /^fake github listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(output);
          if (match?.[1]) resolve(match[1]);
        });
        child.once("exit", (code) => reject(new Error(`exited with ${code}: ${output}`)));
      });
      expect((await fetch(`${url}/_fake/health`)).status).toBe(200);
      await controlClient(url).putUser({ login: "octocat", teams: ["platform"], orgMember: true });
      const token = await controlClient(url).token("octocat", ["read:org"]);
      const response = await fetch(`${url}/api/v3/user/teams`, { headers: { authorization: `token ${token}` } });
      expect(((await response.json()) as Array<{ slug: string }>).map((team) => team.slug)).toEqual(["platform"]);
    } finally {
      const exited = once(child, "exit");
      child.kill("SIGTERM");
      await exited;
    }
  });
});
