import { canBrowseInventory } from "@/lib/auth/policy";
import type { ContainerImage } from "@/lib/clusters/kinds";
import type { Viewer } from "@/lib/auth/viewer";
import { applicationGroup, stagingOf } from "@/lib/environments/inventory/group-applications";
import { AppError } from "@/lib/errors";
import { authorize } from "./authorize";
import { clusterWatcher } from "./cluster-health";
import type { Services } from "./services";

export interface ApplicationEnvironment {
  cluster: string;
  namespace: string;
  environment: string | null;
  isProduction: boolean;
  /** False while the cluster's data is not known (not configured, never synced): its images are unknown, not absent. */
  known: boolean;
}

export interface ApplicationRow {
  deployment: string;
  /** Per environment, in the columns' order: `container: tag` of each container, or null when it has no such deployment. */
  images: (ContainerImage[] | null)[];
  /** Production runs other images than staging (the last environment before it). */
  productionDiffers: boolean;
}

export interface ApplicationView {
  key: string;
  name: string;
  sourceCode: string | null;
  environments: ApplicationEnvironment[];
  /** The column production is compared with; null without one of each. */
  staging: string | null;
  rows: ApplicationRow[];
}

/**
 * One application across its environments: its namespaces (same repository
 * or application annotation) and, per deployment name, the image each runs,
 * from the cluster cache. Anyone who may browse the inventory sees it, as
 * namespace pages show deployments to every member.
 */
export async function getApplication(deps: Pick<Services, "inventory" | "clusters" | "profile">, viewer: Viewer | null, key: string): Promise<ApplicationView> {
  authorize(viewer, canBrowseInventory(viewer));
  const group = applicationGroup((await deps.inventory.snapshot()).namespaces, key, deps.profile.environments);
  if (group.length === 0) throw new AppError("not_found", `No application ${key}`);
  const deployments = group.map((ns) => {
    const watcher = clusterWatcher(deps.clusters, ns.cluster);
    const known = watcher !== undefined && watcher.health().lastSyncedAt !== null;
    return {
      known,
      byName: new Map<string, ContainerImage[]>(known ? [...watcher.cache.objectsIn(ns.name).deployments.values()].map((d) => [d.name, d.images]) : []),
    };
  });
  const staging = stagingOf(group);
  const production = group.findIndex((ns) => ns.isProduction);
  const stagingIndex = staging ? group.indexOf(staging) : -1;
  const names = [...new Set(deployments.flatMap((d) => [...d.byName.keys()]))].sort();
  const rows = names.map((deployment): ApplicationRow => {
    const images = deployments.map((d) => d.byName.get(deployment) ?? null);
    const shown = (i: number) => (images[i] ? images[i].map((c) => c.image).join(" ") : null);
    const compared = production !== -1 && stagingIndex !== -1 && deployments[production]!.known && deployments[stagingIndex]!.known;
    return { deployment, images, productionDiffers: compared && shown(production) !== shown(stagingIndex) };
  });
  const first = group[0]!;
  return {
    key,
    name: first.application ?? key,
    sourceCode: group.find((ns) => ns.sourceCode)?.sourceCode ?? null,
    environments: group.map((ns, i) => ({
      cluster: ns.cluster,
      namespace: ns.name,
      environment: ns.environment,
      isProduction: ns.isProduction,
      known: deployments[i]!.known,
    })),
    staging: staging?.name ?? null,
    rows,
  };
}
