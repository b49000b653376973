import { createRng } from "../../environments/sample/create-rng";
import { secondsBefore, type KubeObject } from "./kube-object";
import { sampleNamespaceContents } from "./sample-namespace-contents";
import { hashString, namespaceBase, nodeNames, orphanNames, systemWorkloads } from "./sample-names";
import { sampleNamespace } from "./sample-namespace-objects";
import { applicationImages, sampleApplication, type SampleApplication } from "./sample-application";

/** A namespace as the environments repository defines it for one cluster. */
export interface SampleNamespaceInput {
  name: string;
  production: boolean;
  team?: string;
  /**
   * The application it belongs to (`applicationKey` of its folder): the namespaces of one application run the same
   * deployments, every environment the current release, production now and then the one before.
   */
  application?: string;
  /** The Secrets its kubernetes_secret blocks declare (created ones with literal names): the cluster has them and the first app reads them. */
  secrets?: { name: string; keys: string[] }[];
}

export interface GenerateSampleObjectsOptions {
  namespaces: SampleNamespaceInput[];
  seed: number;
  /** Every timestamp is relative to this, so the same input gives the same output. */
  now: Date;
  /** Prefix of the platform's namespace labels; default the Cloud Platform's. */
  labelPrefix?: string;
  /** hard.pods of each namespace's ResourceQuota (default 50). */
  podsQuota?: number;
}

/** The Secrets Terraform creates from a namespace's kubernetes_secret blocks: those not `count = 0`, with a literal name. */
export function createdSecrets(declared: { name: string | null; keys: string[]; disabled?: boolean }[]): { name: string; keys: string[] }[] {
  return declared.flatMap((s) => (s.name === null || s.disabled ? [] : [{ name: s.name, keys: s.keys }]));
}

/** Where the cluster deliberately disagrees with the repository, so drift views have something to show. */
export interface SampleDrift {
  /** In the repository, absent from the cluster. */
  missing: string[];
  /** In the repository, being deleted in the cluster. */
  terminating: string[];
  /** In the cluster, in no repository folder. */
  orphans: string[];
}

/** The first resourceVersion handed out; later changes count up from the last one. */
export const FIRST_RESOURCE_VERSION = 1000;

/**
 * Every object of a sample cluster, as the API server would return them:
 * platform namespaces with their add-ons, the repository's namespaces (a few
 * missing, one or two terminating) with their workloads, and three orphans.
 * Pure and deterministic: the same options give the same objects.
 */
export function generateSampleObjects(options: GenerateSampleObjectsOptions): { objects: KubeObject[]; drift: SampleDrift } {
  const { seed, now, labelPrefix = "cloud-platform.justice.gov.uk", podsQuota = 50 } = options;
  const rng = createRng(seed);
  const nodes = nodeNames(rng, 12);
  const names = options.namespaces.map((ns) => ns.name);
  const missingCount = names.length >= 5 ? Math.max(1, Math.round(names.length * 0.03)) : 0;
  const picked = rng.sample(names, missingCount + (names.length >= 3 ? rng.int(1, 2) : 0));
  const drift: SampleDrift = {
    missing: picked.slice(0, missingCount).sort(),
    terminating: picked.slice(missingCount).sort(),
    orphans: rng
      .sample(
        orphanNames.filter((n) => !names.includes(n)),
        3,
      )
      .sort(),
  };
  // Each namespace draws from its own sequence, so adding one leaves the others as they were.
  const rngFor = (name: string) => createRng(seed ^ hashString(name));
  const objects: KubeObject[] = [];
  const applications = new Map<string, SampleApplication>();
  const applicationOf = (ns: SampleNamespaceInput) => {
    if (!ns.application) return undefined;
    let application = applications.get(ns.application);
    if (!application) applications.set(ns.application, (application = sampleApplication(seed, ns.application)));
    return application;
  };

  for (const [name, apps] of Object.entries(systemWorkloads)) {
    const r = rngFor(name);
    const created = secondsBefore(now, 1400 * 86400);
    objects.push(sampleNamespace(r, name, { created }));
    if (apps.length > 0) objects.push(...sampleNamespaceContents(r, { namespace: name, team: "platform", created, now, nodes, apps, allHealthy: true }));
  }
  for (const ns of options.namespaces) {
    if (drift.missing.includes(ns.name)) continue;
    const r = rngFor(ns.name);
    const created = secondsBefore(now, r.int(30, 1200) * 86400);
    const terminating = drift.terminating.includes(ns.name);
    objects.push(
      sampleNamespace(r, ns.name, {
        created,
        labels: { [`${labelPrefix}/is-production`]: String(ns.production), "pod-security.kubernetes.io/enforce": "restricted" },
        annotations: ns.team ? { [`${labelPrefix}/team-name`]: ns.team } : undefined,
        terminatingSince: terminating ? secondsBefore(now, r.int(60, 3 * 86400)) : undefined,
      }),
    );
    // A terminating namespace has had its contents deleted; only its finalizer keeps it.
    const application = applicationOf(ns);
    const team = ns.team ?? namespaceBase(ns.name);
    if (!terminating)
      objects.push(
        ...sampleNamespaceContents(r, {
          namespace: ns.name,
          team,
          created,
          now,
          nodes,
          podsQuota,
          secrets: ns.secrets,
          apps: application && applicationImages(application, { production: ns.production, team }),
        }),
      );
  }
  for (const name of drift.orphans) {
    const r = rngFor(name);
    const created = secondsBefore(now, r.int(30, 600) * 86400);
    objects.push(sampleNamespace(r, name, { created }));
    objects.push(...sampleNamespaceContents(r, { namespace: name, team: namespaceBase(name), created, now, nodes, podsQuota }));
  }
  objects.forEach((object, i) => (object.metadata.resourceVersion = String(FIRST_RESOURCE_VERSION + i)));
  return { objects, drift };
}
