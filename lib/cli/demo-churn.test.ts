import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateSampleObjects } from "../clusters/sample/generate-sample-objects";
import { cloudPlatformProfile as profile } from "../environments/profile/profile";
import { planSampleNamespaces } from "../environments/sample/plan-sample-namespaces";

const root = path.resolve(__dirname, "../..");

/** The pod the demo's churn restarts: the first running pod by name of its --churn-namespace, in the demo's sample (300 namespaces, seed 1). */
function demoChurnPod(namespace: string): string | null {
  const live = profile.clusters.find((c) => c.name === "live")!.domain;
  const plan = planSampleNamespaces({ namespaces: 300, seed: 1, profile, now: new Date("2026-12-05T00:00:00Z") }).filter((ns) => ns.clusterDomain === live);
  const { objects } = generateSampleObjects({
    namespaces: plan.map((ns) => ({ name: ns.name, production: ns.isProduction, team: ns.team.slug, application: ns.applicationSlug })),
    seed: 1,
    now: new Date("2026-12-05T00:00:00Z"),
    labelPrefix: profile.labelPrefix,
    podsQuota: profile.namespaceTemplate.podsQuota,
  });
  const running = objects.filter(
    (o) => o.kind === "Pod" && o.metadata.namespace === namespace && ((o.status as { containerStatuses?: unknown[] }).containerStatuses ?? []).length > 0,
  );
  return running.map((p) => p.metadata.name).sort()[0] ?? null;
}

describe("the demo's churn", () => {
  it("restarts a pod that exists, in a namespace that exists, both named in the README", () => {
    const namespace = /--churn-namespace (\S+)/.exec(readFileSync(path.join(root, "scripts/demo.sh"), "utf8"))?.[1];
    expect(namespace).toBeDefined();
    const pod = demoChurnPod(namespace!);
    expect(pod).not.toBeNull();
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    expect(readme).toContain(`pod \`${pod}\` of namespace \`${namespace}\` restarts every 20 s`);
  });
});
