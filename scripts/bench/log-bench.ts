import { randomBytes } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { generateSampleObjects } from "../../lib/clusters/sample/generate-sample-objects";
import { sampleKubeconfig } from "../../lib/clusters/sample/sample-kubeconfig";
import { startSampleApiServer } from "../../lib/clusters/sample/start-sample-api-server";
import { cloudPlatformProfile } from "../../lib/environments/profile/profile";
import { buildIndex } from "../../lib/environments/repository/build-index";
import { generateSampleRepo } from "../../lib/environments/sample/generate-sample-repo";
import { signIn } from "../load/server";
import { summarize } from "./stats";

type Stats = ReturnType<typeof summarize>;
const ROUNDS = 100;

export interface LogBenchResult {
  /** Request sent to the first whole line read, following (the page's Follow). */
  followFirstLineMs: Stats;
  /** The same for the last 500 lines (the page's Show lines), to the first line. */
  tailFirstLineMs: Stats;
}

/**
 * Pod logs over HTTP against the production build, reading from Berth's
 * sample API server: the time from sending the request to holding the
 * first whole log line, as the page's reader sees it.
 */
export async function logBench(start: (env: Record<string, string>) => Promise<{ origin: string; stop(): void }>): Promise<LogBenchResult> {
  const root = path.resolve(".berth/bench/logs");
  rmSync(root, { recursive: true, force: true });
  const repo = path.join(root, "environments");
  await generateSampleRepo({ dir: repo, namespaces: 60, seed: 3, now: new Date() });
  const index = await buildIndex({ repoPath: repo, profile: cloudPlatformProfile });
  const live = [...index.namespaces.values()].filter((ns) => ns.cluster === "live");
  const { objects } = generateSampleObjects({
    namespaces: live.map((ns) => ({ name: ns.name, production: ns.isProduction, team: ns.teams[0] })),
    seed: 3,
    now: new Date(),
  });
  const running = objects
    .filter((o) => o.kind === "Pod" && JSON.stringify(o.status).includes('"running"') && live.some((ns) => ns.name === o.metadata.namespace))
    .slice(0, 20)
    .map((o) => ({ ns: o.metadata.namespace!, pod: o.metadata.name, container: (o.spec as { containers: { name: string }[] }).containers[0]!.name }));
  const token = randomBytes(16).toString("hex");
  const api = await startSampleApiServer({ objects, token });
  const kubeconfig = path.join(root, "kubeconfig");
  writeFileSync(kubeconfig, sampleKubeconfig({ url: api.url, token, context: "live" }), { mode: 0o600 });
  const berth = await start({ BERTH_KUBECONFIG: kubeconfig, BERTH_ENVIRONMENTS_REPO: repo, BERTH_RATE_LIMIT_LOG_READS: "100000" });
  try {
    // A platform reviewer may read every namespace's logs.
    const cookie = await signIn(berth.origin, "alice-adeyemi", "webops");
    const firstLine = async (follow: boolean, i: number) => {
      const { ns, pod, container } = running[i % running.length]!;
      const t = performance.now();
      const response = await fetch(`${berth.origin}/api/namespaces/live/${ns}/pods/${pod}/logs?container=${container}&tailLines=500&follow=${follow}`, {
        headers: { cookie },
      });
      if (!response.ok) throw new Error(`HTTP ${response.status} for the logs of ${ns}/${pod}: ${await response.text()}`);
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      for (let text = ""; !text.includes("\n");) {
        const { done, value } = await reader.read();
        if (done) throw new Error(`the log of ${ns}/${pod} ended before a line`);
        text += value;
      }
      const ms = performance.now() - t;
      await reader.cancel();
      return ms;
    };
    const time = async (follow: boolean) => {
      await firstLine(follow, 0);
      const samples: number[] = [];
      for (let i = 0; i < ROUNDS; i++) samples.push(await firstLine(follow, i));
      return summarize(samples);
    };
    return { followFirstLineMs: await time(true), tailFirstLineMs: await time(false) };
  } finally {
    berth.stop();
    await api.close();
  }
}

export function logRows(r: LogBenchResult): [string, string, string][] {
  return [
    ["pod log over HTTP, request to first line, following (median/p95 of 100)", `${r.followFirstLineMs.median} / ${r.followFirstLineMs.p95} ms`, "< 300 ms"],
    ["pod log over HTTP, request to first line, last 500 lines (median/p95 of 100)", `${r.tailFirstLineMs.median} / ${r.tailFirstLineMs.p95} ms`, "< 300 ms"],
  ];
}
