import type { PlatformProfile } from "../profile";
import { renderModuleFile } from "./render-module-file";
import { renderNamespaceManifests } from "./render-namespace-manifests";
import { mainTf, renderVariablesTf, versionsTf } from "./render-terraform-files";
import type { SampleNamespace } from "./sample-namespace";

/** The folder of a namespace in the repository. */
export function namespaceFolder(ns: SampleNamespace, profile: PlatformProfile): string {
  return `${profile.namespacesDir}/${ns.clusterDomain}/${ns.name}`;
}

/** Every file of a namespace folder, keyed by path relative to the folder. */
export function renderNamespaceFiles(ns: SampleNamespace, profile: PlatformProfile): Record<string, string> {
  const files = renderNamespaceManifests(ns, profile);
  files["resources/main.tf"] = mainTf;
  files["resources/variables.tf"] = renderVariablesTf(ns, profile);
  files["resources/versions.tf"] = versionsTf;
  for (const group of ns.modules) {
    const [path, text] = renderModuleFile(group, ns, profile);
    files[path] = text;
  }
  return files;
}
