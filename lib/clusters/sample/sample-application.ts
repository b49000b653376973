import { createRng } from "../../environments/sample/create-rng";
import { ECR_REGISTRY, hashString, imageTag } from "./sample-names";

/** One deployment of an application, as every environment of it runs it. */
export interface SampleApplicationApp {
  app: string;
  sidecar: string | null;
  /** Tags CI pushed, newest first: [0] is the current release, [1] the one before, and so on. */
  releases: string[];
}

export interface SampleApplication {
  apps: SampleApplicationApp[];
  /** Production is one release behind staging (its promotion has not happened yet). */
  productionBehind: boolean;
}

const PARTS = ["api", "ui", "worker", "admin", "jobs"];
const SIDECARS = ["docker.io/bitnami/nginx:1.25.4", "cr.fluentbit.io/fluent/fluent-bit:3.0.4", "docker.io/library/redis:7.2-alpine"];
/** Releases kept per deployment: the current one and the earlier revisions' ReplicaSets. */
const RELEASES = 6;

/**
 * The deployments of one application (its namespaces share the key, as
 * `applicationKey` groups them): the same names, images and sidecars in every
 * environment, so the application view compares like with like. Drawn from
 * the application's own sequence, so it does not depend on which namespace
 * asks first; about one application in eight has production a release behind.
 */
export function sampleApplication(seed: number, key: string): SampleApplication {
  const rng = createRng(seed ^ hashString(`application:${key}`));
  const apps = rng.sample(PARTS, rng.int(1, 3)).map((part, i) => {
    const app = i === 0 && rng.chance(0.5) ? key : `${key}-${part}`;
    return {
      app,
      sidecar: rng.chance(0.25) ? rng.pick(SIDECARS) : null,
      releases: Array.from({ length: RELEASES }, () => imageTag(rng)),
    };
  });
  return { apps, productionBehind: rng.chance(0.125) };
}

/**
 * What one namespace of the application runs: production the release before when it is behind, every other
 * environment the current one; images are pushed under the namespace's team, as the platform's ECR repositories are.
 */
export function applicationImages(
  application: SampleApplication,
  namespace: { production: boolean; team: string },
): { app: string; image: string; sidecar: string | null; earlier: string[] }[] {
  const at = namespace.production && application.productionBehind ? 1 : 0;
  return application.apps.map((a) => {
    const repository = `${ECR_REGISTRY}/${namespace.team}/${a.app}`;
    return { app: a.app, image: `${repository}:${a.releases[at]}`, sidecar: a.sidecar, earlier: a.releases.slice(at + 1).map((tag) => `${repository}:${tag}`) };
  });
}
