import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { CoreV1Api, KubeConfig } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { generateSampleRepo } from "../environments/sample/generate-sample-repo";
import { UsageError } from "./command";
import { sampleClusterCommand } from "./sample-cluster";

const ROOT = path.resolve(__dirname, "../..");
const scratch = mkdtempSync(path.join(tmpdir(), "berth-sample-cluster-"));
const repo = path.join(scratch, "repo");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
beforeAll(() => generateSampleRepo({ dir: repo, namespaces: 20, seed: 5, checkout: false }));

const io = { stdout: () => {}, stderr: () => {} };

describe("berth sample-cluster", () => {
  it("serves the repository's namespaces until SIGTERM, with a kubeconfig client-node can use", async () => {
    const kubeconfig = path.join(scratch, "out", "live.kubeconfig");
    const child = spawn(
      path.join(ROOT, "node_modules/.bin/tsx"),
      [path.join(ROOT, "lib/cli/main.ts"), "sample-cluster", "--repo", repo, "--port", "0", "--kubeconfig", kubeconfig],
      {
        cwd: ROOT,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString("utf8");
          if (out.includes("\n")) resolve(out);
        });
        child.stderr.on("data", (chunk: Buffer) => reject(new Error(chunk.toString("utf8"))));
        void exited.then((code) => reject(new Error(`exited with ${code} before printing`)));
      });
      const url = /at (http:\/\/127\.0\.0\.1:(\d+)) /.exec(line)?.[1];
      expect(line).toMatch(/^sample cluster live at http:\/\/127\.0\.0\.1:\d+ \(\d+ of \d+ namespaces, \d+ objects; kubeconfig .*live\.kubeconfig\)\n$/);
      expect(url).not.toMatch(/:0$/);

      expect(statSync(kubeconfig).mode & 0o777).toBe(0o600);
      const parsed = parse(readFileSync(kubeconfig, "utf8")) as {
        "current-context": string;
        clusters: { cluster: Record<string, unknown> }[];
        users: { user: { token: string } }[];
      };
      expect(parsed["current-context"]).toBe("live");
      expect(parsed.clusters[0]!.cluster).toEqual({ server: url, "insecure-skip-tls-verify": true });
      expect(parsed.users[0]!.user.token).toMatch(/^[A-Za-z0-9_-]{32}$/);

      const config = new KubeConfig();
      config.loadFromFile(kubeconfig);
      const names = (await config.makeApiClient(CoreV1Api).listNamespace()).items.map((n) => n.metadata!.name!);
      expect(names).toContain("kube-system");
      expect(names.filter((n) => n.startsWith("orphan-"))).toHaveLength(3);
      expect((await fetch(`${url}/api/v1/namespaces`)).status).toBe(401);
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
  });

  it("rejects bad arguments and unknown clusters as usage errors", async () => {
    await expect(sampleClusterCommand.run([], io)).rejects.toThrow(/--repo/);
    await expect(sampleClusterCommand.run(["--repo", repo, "--port", "70000"], io)).rejects.toThrow(/--port/);
    await expect(sampleClusterCommand.run(["--repo", repo, "--seed", "x"], io)).rejects.toThrow(/--seed/);
    await expect(sampleClusterCommand.run(["--repo", repo, "--churn-seconds", "-1"], io)).rejects.toThrow(UsageError);
    await expect(sampleClusterCommand.run(["--repo", repo, "--apply-seconds", "soon"], io)).rejects.toThrow(/--apply-seconds/);
    await expect(sampleClusterCommand.run(["--repo", repo, "--cluster", "nope"], io)).rejects.toThrow(
      /--cluster "nope" is not a cluster of this repository; clusters: live, live-2/,
    );
  });
});
