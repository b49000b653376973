import { readTerraformSecrets } from "../../environments/repository/read-terraform-secrets";
import { runGit } from "../../environments/repository/run-git";
import { createdSecrets } from "./generate-sample-objects";
import { SampleControlError, type SampleControls } from "./sample-controls";

export interface ApplyPipelineOptions {
  /** The environments repository (a git checkout); merges move its HEAD. */
  repo: string;
  /** The folder of this cluster's namespaces, e.g. `namespaces/live.cloud-platform.service.justice.gov.uk`. */
  folder: string;
  /** A namespace folder holding this text anywhere is skipped, as the platform's pipeline skips it. */
  skipApplyMarker: string;
  labelPrefix: string;
  controls: SampleControls;
  /** How long after a merge is seen the namespace is applied (the pipeline's run time). */
  delayMs: number;
  /** How often HEAD is read. */
  pollMs?: number;
  log?: (line: string) => void;
}

export interface ApplyPipeline {
  stop(): void;
  /** Reads HEAD once and applies what changed after the delay; resolves when applied (for tests). */
  tick(): Promise<void>;
}

/**
 * The platform's apply pipeline, played by the sample cluster for the demo: a while after a commit
 * lands on the repository's HEAD (a merged pull request), each namespace folder it changed is applied:
 * the Namespace is created if missing, and every Secret its Terraform's `kubernetes_secret` blocks
 * declare is written with the keys they declare (sample values). Only commits after it starts count.
 */
export function startApplyPipeline(options: ApplyPipelineOptions): ApplyPipeline {
  const head = async () => (await runGit(options.repo, ["rev-parse", "HEAD"])).toString("utf8").trim();
  let seen: Promise<string> = head();
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const pending = new Set<NodeJS.Timeout>();

  const tick = (): Promise<void> => {
    running = running.then(async () => {
      const from = await seen;
      const to = await head().catch(() => from);
      if (to === from) return;
      seen = Promise.resolve(to);
      const changed = await changedNamespaces(options, from, to);
      if (changed.length === 0) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(timer);
          resolve();
        }, options.delayMs);
        pending.add(timer);
      });
      if (stopped) return;
      for (const name of changed) await applyNamespace(options, to, name).catch((error: Error) => options.log?.(`apply pipeline: ${name}: ${error.message}\n`));
    });
    return running;
  };
  const timer = setInterval(() => void tick(), options.pollMs ?? 1000);
  timer.unref();
  return {
    tick,
    stop() {
      stopped = true;
      clearInterval(timer);
      for (const t of pending) clearTimeout(t);
    },
  };
}

async function changedNamespaces(options: ApplyPipelineOptions, from: string, to: string): Promise<string[]> {
  const out = (await runGit(options.repo, ["diff", "--name-only", from, to, "--", `${options.folder}/`])).toString("utf8");
  const names = new Set<string>();
  for (const path of out.split("\n")) {
    const name = path.slice(options.folder.length + 1).split("/")[0];
    if (path.startsWith(`${options.folder}/`) && name) names.add(name);
  }
  return [...names].sort();
}

async function applyNamespace(options: ApplyPipelineOptions, commit: string, name: string): Promise<void> {
  const dir = `${options.folder}/${name}`;
  const files = (await runGit(options.repo, ["ls-tree", "-r", "--name-only", commit, "--", `${dir}/`])).toString("utf8").split("\n").filter(Boolean);
  if (!files.includes(`${dir}/00-namespace.yaml`)) return;
  const read = async (path: string) => (await runGit(options.repo, ["cat-file", "blob", `${commit}:${path}`])).toString("utf8");
  const texts = new Map(await Promise.all(files.map(async (path) => [path, await read(path)] as const)));
  if ([...texts.values()].some((text) => text.includes(options.skipApplyMarker))) {
    options.log?.(`apply pipeline: ${name} is marked ${options.skipApplyMarker}; skipped\n`);
    return;
  }
  const team = /team-name:\s*"?([A-Za-z0-9][-A-Za-z0-9_.]*)"?/.exec(texts.get(`${dir}/00-namespace.yaml`) ?? "")?.[1];
  const declared = createdSecrets(
    [...texts].flatMap(([path, text]) => (path.startsWith(`${dir}/resources/`) && path.endsWith(".tf") ? readTerraformSecrets(text) : [])),
  );
  try {
    options.controls.createNamespace({ name, labels: team ? { [`${options.labelPrefix}/team-name`]: team } : {}, secrets: declared });
  } catch (error) {
    if (!(error instanceof SampleControlError && error.status === 409)) throw error;
  }
  for (const secret of declared) options.controls.applySecret({ namespace: name, ...secret });
  const secrets = declared.map((s) => s.name);
  options.log?.(`apply pipeline: applied ${name}${secrets.length ? ` with secrets ${secrets.join(", ")}` : ""}\n`);
}
