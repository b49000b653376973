import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { cloudPlatformProfile as profile } from "../profile/profile";
import { namespaceFileKind } from "../repository/read-namespace-file";
import { defaultSampleNow } from "../sample/generate-sample-repo";
import { planSampleNamespaces } from "../sample/plan-sample-namespaces";
import { namespaceFolder, renderNamespaceFiles } from "../sample/render-namespace-files";
import { messyYaml } from "./messy-yaml";

/**
 * Test corpus: every top-level .yaml/.yml file of the sample repository
 * `berth sample` generates by default (300 namespaces, seed 1: the demo's),
 * by repository path, and the messy hand-written fixtures (messy-yaml.ts and
 * the manifests of edit/fixtures/messy-app), by name.
 */
export function yamlCorpus(namespaces = 300): { sampleFolders: { domain: string; name: string; files: Record<string, string> }[]; files: [string, string][] } {
  const sampleFolders = planSampleNamespaces({ namespaces, seed: 1, profile, now: defaultSampleNow }).map((ns) => ({
    domain: ns.clusterDomain,
    name: ns.name,
    path: namespaceFolder(ns, profile),
    files: renderNamespaceFiles(ns, profile),
  }));
  const files: [string, string][] = sampleFolders.flatMap((f) =>
    Object.entries(f.files)
      .filter(([rel]) => namespaceFileKind(rel) === "yaml")
      .map(([rel, text]) => [`${f.path}/${rel}`, text] as [string, string]),
  );
  // The HCL side's messy folder holds manifests too (a .yml without a final newline).
  const app = path.join(import.meta.dirname, "../edit/fixtures/messy-app");
  const appYaml = readdirSync(app)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => [`messy/messy-app/${f}`, readFileSync(path.join(app, f), "utf8")] as [string, string]);
  return { sampleFolders, files: [...files, ...Object.entries(messyYaml).map(([name, text]) => [`messy/${name}`, text] as [string, string]), ...appYaml] };
}
