import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createdSecrets, generateSampleObjects } from "../clusters/sample/generate-sample-objects";
import { sampleKubeconfig } from "../clusters/sample/sample-kubeconfig";
import { startApplyPipeline } from "../clusters/sample/apply-pipeline";
import type { KubeObject } from "../clusters/sample/kube-object";
import { startSampleApiServer } from "../clusters/sample/start-sample-api-server";
import { buildIndex } from "../environments/repository/build-index";
import { UsageError, type CliCommand } from "./command";
import { parseOptions } from "./parse-options";
import { profileOption } from "./profile-option";
import { applicationKey } from "../environments/inventory/group-applications";

const usage = `Usage: berth sample-cluster --repo <path> [--cluster live] [--port 3111] [--kubeconfig <file>] [--seed 1] [--churn-seconds 0] [--churn-namespace <name>] [--apply-seconds 0] [--profile <file>]

Serves a sample Kubernetes API on 127.0.0.1 for the namespaces an
environments repository defines for one cluster (a few missing, one or two
terminating, some orphans), with the real list and watch protocol, until
interrupted. Writes a kubeconfig for it with a new random token. Control
API for tests under /_sample/ (see lib/clusters/sample/README.md).

  --repo <path>          the environments repository (a git checkout)
  --cluster <name>       the cluster (profile name or folder domain); default live
  --port N               default 3111; 0 picks a free port
  --kubeconfig <file>    where to write the kubeconfig (mode 600);
                         default .berth/sample-cluster.kubeconfig
  --seed S               seed for the generated objects (default 1)
  --churn-seconds N      restart a pod every N seconds (default 0: never): the
                         first running pod (by name) of --churn-namespace
  --churn-namespace <n>  default: the first namespace (by name) with a running pod
  --apply-seconds N      play the platform's apply pipeline: N seconds after a
                         commit lands on the repository's HEAD, create each
                         namespace it changed and the Secrets its Terraform
                         declares (default 0: off)
  --profile <file>       a platform profile (JSON); default: Cloud Platform
`;

export const sampleClusterCommand: CliCommand = {
  name: "sample-cluster",
  summary: "serve a sample Kubernetes API for a repository's namespaces",
  usage,
  async run(args, io) {
    const values = parseOptions(args, {
      repo: { type: "string" },
      cluster: { type: "string", default: "live" },
      port: { type: "string", default: "3111" },
      kubeconfig: { type: "string", default: path.join(".berth", "sample-cluster.kubeconfig") },
      seed: { type: "string", default: "1" },
      "churn-seconds": { type: "string", default: "0" },
      "churn-namespace": { type: "string" },
      "apply-seconds": { type: "string", default: "0" },
      profile: { type: "string" },
    });
    if (!values.repo) throw new UsageError("--repo <path> is required");
    const port = number("--port", values.port, { max: 65535, whole: true });
    const seed = number("--seed", values.seed, { whole: true });
    const churnSeconds = number("--churn-seconds", values["churn-seconds"], {});
    const applySeconds = number("--apply-seconds", values["apply-seconds"], {});
    const profile = profileOption(values.profile);
    const index = await buildIndex({ repoPath: values.repo, profile });

    const records = [...index.namespaces.values()];
    const known = profile.clusters.find((c) => c.name === values.cluster || c.domain === values.cluster);
    const inCluster = records.filter((ns) => ns.cluster === values.cluster || ns.clusterDomain === values.cluster);
    if (!known && inCluster.length === 0) {
      const clusters = [...new Set([...profile.clusters.map((c) => c.name), ...records.map((ns) => ns.cluster)])];
      throw new UsageError(`--cluster "${values.cluster}" is not a cluster of this repository; clusters: ${clusters.join(", ")}`);
    }
    const { objects, drift } = generateSampleObjects({
      namespaces: inCluster.map((ns) => ({
        name: ns.name,
        production: ns.isProduction,
        team: ns.teams[0],
        application: applicationKey(ns) ?? undefined,
        secrets: createdSecrets(ns.secrets),
      })),
      seed,
      now: new Date(),
      labelPrefix: profile.labelPrefix,
      podsQuota: profile.namespaceTemplate.podsQuota,
    });
    const token = randomBytes(24).toString("base64url");
    const options = { labelPrefix: profile.labelPrefix, podsQuota: profile.namespaceTemplate.podsQuota };
    const churnNamespace = churnSeconds > 0 ? (values["churn-namespace"] ?? firstNamespaceWithPods(objects)) : undefined;
    const server = await startSampleApiServer({ objects, token, port, host: "127.0.0.1", churnSeconds, churnNamespace, seed, ...options }).catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code === "EADDRINUSE") return null;
        throw error;
      },
    );
    if (!server) {
      io.stderr(`berth sample-cluster: port ${port} is in use; choose another with --port (0 picks a free one)\n`);
      return 1;
    }
    const context = known?.kubeContext ?? known?.name ?? values.cluster!;
    mkdirSync(path.dirname(values.kubeconfig!), { recursive: true });
    // Note: the file holds the token; chmod too, since mode applies only when the file is created.
    writeFileSync(values.kubeconfig!, sampleKubeconfig({ url: server.url, token, context }), { mode: 0o600 });
    chmodSync(values.kubeconfig!, 0o600);
    const counts = `${inCluster.length - drift.missing.length} of ${inCluster.length} namespaces, ${objects.length} objects`;
    io.stdout(`sample cluster ${context} at ${server.url} (${counts}; kubeconfig ${values.kubeconfig})\n`);
    if (churnNamespace !== undefined) {
      const pod = server.controls.firstRunningPod(churnNamespace);
      io.stdout(
        pod
          ? `restarting pod ${pod.metadata.name} in namespace ${churnNamespace} every ${churnSeconds} s\n`
          : `no running pod in ${churnNamespace} to restart\n`,
      );
    }
    const domain = known?.domain ?? inCluster[0]?.clusterDomain ?? values.cluster!;
    const pipeline =
      applySeconds > 0
        ? startApplyPipeline({
            repo: values.repo,
            folder: `${profile.namespacesDir}/${domain}`,
            skipApplyMarker: profile.skipApplyMarker,
            labelPrefix: profile.labelPrefix,
            controls: server.controls,
            delayMs: applySeconds * 1000,
            log: io.stdout,
          })
        : undefined;
    if (pipeline) io.stdout(`playing the apply pipeline: merges into ${values.repo} are applied after ${applySeconds} s\n`);

    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        resolve();
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    });
    pipeline?.stop();
    await server.close();
    return 0;
  },
};

function number(flag: string, value: string | undefined, { max = Number.MAX_SAFE_INTEGER, whole = false }: { max?: number; whole?: boolean }): number {
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value ?? "") || n > max || (whole && !Number.isInteger(n))) {
    throw new UsageError(`${flag} must be a ${whole ? "whole " : ""}number from 0 to ${max}, not "${value}"`);
  }
  return n;
}

/** The namespace the demo's churn restarts a pod in: the first by name that runs one, so the README can name it. */
function firstNamespaceWithPods(objects: KubeObject[]): string | undefined {
  const running = objects.filter((o) => o.kind === "Pod" && ((o.status as { containerStatuses?: unknown[] }).containerStatuses ?? []).length > 0);
  return running.map((p) => p.metadata.namespace!).sort()[0];
}
