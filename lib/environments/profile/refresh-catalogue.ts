import { readHclBlocks } from "../render/read-hcl-blocks";
import type { ModuleUse } from "../types";
import type { CatalogueModule, LatestSource, ModuleCatalogue, ModuleInterface } from "./module-catalogue";
import { compareVersions } from "./module-version";

/**
 * A module's interface read from its variables.tf and outputs.tf at version
 * `at`: inputs with their type and default (an input without a default is
 * required), outputs with `sensitive`. outputs.tf declares no types, and the
 * IRSA policy's condition and the Secret keys are not in either file, so
 * those are kept from `previous` (the catalogue's entry before the refresh).
 */
export function interfaceFromFiles(variablesTf: string, outputsTf: string, at: string, previous?: ModuleInterface): ModuleInterface {
  const inputs = readHclBlocks(variablesTf)
    .filter((b) => b.type === "variable" && b.labels[0])
    .map((b) => {
      const def = b.attributes.get("default");
      return {
        name: b.labels[0]!,
        type: b.attributes.get("type") ?? "any",
        required: def === undefined,
        ...(def === undefined ? {} : { default: def }),
      };
    });
  const outputs = readHclBlocks(outputsTf)
    .filter((b) => b.type === "output" && b.labels[0])
    .map((b) => ({
      name: b.labels[0]!,
      type: previous?.outputs.find((o) => o.name === b.labels[0])?.type ?? "string",
      sensitive: b.attributes.get("sensitive") === "true",
    }));
  const policy = outputs.some((o) => o.name === "irsa_policy_arn")
    ? previous?.irsaPolicy?.output === "irsa_policy_arn"
      ? previous.irsaPolicy
      : { output: "irsa_policy_arn" }
    : null;
  const names = new Set(outputs.map((o) => o.name));
  const secretKeys = Object.fromEntries(Object.entries(previous?.secretKeys ?? {}).filter(([, output]) => names.has(output.split(".")[0]!)));
  return { at, inputs, outputs, irsaPolicy: policy, secretKeys };
}

/** The entry with a new latest version, its source and time; the interface is replaced when one is given. */
export function withLatest(entry: CatalogueModule | undefined, latest: string, from: LatestSource, at: string, iface?: ModuleInterface): CatalogueModule {
  return { latest, latestFrom: from, latestAt: at, ...((iface ?? entry?.interface) ? { interface: iface ?? entry!.interface } : {}) };
}

/**
 * Without a module repository or GitHub: each catalogued module's latest
 * version is the newest plain version pinned anywhere in the environments
 * repository (disabled blocks included: a pin is a pin). A module nobody
 * pins keeps its entry.
 */
export function catalogueFromIndex(catalogue: ModuleCatalogue, uses: Pick<ModuleUse, "module" | "ref">[], at: string): ModuleCatalogue {
  const newest = new Map<string, string>();
  for (const use of uses) {
    if (use.ref === null || compareVersions(use.ref, use.ref) === null) continue;
    const seen = newest.get(use.module);
    if (seen === undefined || compareVersions(use.ref, seen)! > 0) newest.set(use.module, use.ref);
  }
  return Object.fromEntries(
    Object.entries(catalogue).map(([name, entry]) => {
      const version = newest.get(name);
      return [name, version === undefined ? entry : withLatest(entry, version, "index", at)];
    }),
  );
}

/** The newest plain version among tags or release names (`v` prefix allowed); null when none is one. */
export function newestVersion(tags: string[]): string | null {
  let best: string | null = null;
  for (const tag of tags) {
    if (compareVersions(tag, tag) === null) continue;
    if (best === null || compareVersions(tag, best)! > 0) best = tag;
  }
  return best;
}
