import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseAllDocuments } from "yaml";

export const DEPLOY_DIR = path.resolve(__dirname, "..");

/** A Kubernetes object as written in deploy/ (loosely typed: tests look into it). */
export type Manifest = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- manifests are free-form YAML the tests navigate
  [key: string]: any;
};

/** Every object in every deploy/*.yaml except kustomization.yaml, with the file it came from. */
export function loadManifests(): { file: string; object: Manifest }[] {
  return readdirSync(DEPLOY_DIR)
    .filter((f) => f.endsWith(".yaml") && f !== "kustomization.yaml")
    .sort()
    .flatMap((file) =>
      Array.from(parseAllDocuments(readFileSync(path.join(DEPLOY_DIR, file), "utf8")), (doc) => {
        if (doc.errors[0]) throw doc.errors[0];
        return doc.toJS() as unknown;
      })
        .filter((doc) => doc !== null && doc !== undefined)
        .map((object) => ({ file, object: object as Manifest })),
    );
}

export function find(kind: string, name?: string): Manifest {
  const found = loadManifests().find(({ object }) => object.kind === kind && (name === undefined || object.metadata.name === name));
  if (!found) throw new Error(`no ${kind}${name ? ` ${name}` : ""} in deploy/`);
  return found.object;
}
