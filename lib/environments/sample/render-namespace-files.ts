import { declareVariables, variableFor } from "../render/declare-variables";
import { namespaceFolder as folderOf } from "../profile/namespace-folder";
import type { NamespaceRequest } from "../requests/namespace-request";
import { clusterNameForDomain, type PlatformProfile } from "../profile/profile";
import { renderNamespaceFiles as renderStandardFiles } from "../render/render-namespace-files";
import { renderModuleFile } from "./render-module-file";
import { renderSampleExtras } from "./render-sample-extras";
import type { SampleNamespace } from "./sample-namespace";

/** The folder of a namespace in the repository. */
export function namespaceFolder(ns: SampleNamespace, profile: PlatformProfile): string {
  return folderOf(profile, ns.clusterDomain, ns.name);
}

/** The request a team would have made for this sample namespace. */
function sampleRequest(ns: SampleNamespace, profile: PlatformProfile): NamespaceRequest {
  return {
    name: ns.name,
    cluster: clusterNameForDomain(profile, ns.clusterDomain),
    environment: ns.environment,
    isProduction: ns.isProduction,
    application: ns.application,
    team: ns.team.slug,
    businessUnit: ns.businessUnit,
    slackChannel: ns.slackChannel,
    serviceArea: ns.serviceArea,
    ownerName: ns.team.name,
    ownerEmail: ns.team.email,
    sourceCode: ns.sourceCode,
    reviewAfter: ns.reviewAfter,
  };
}

/**
 * Every file of a namespace folder, keyed by path relative to the folder: the
 * standard files exactly as Berth renders them for a request, plus the
 * sample's extras and module files.
 */
export function renderNamespaceFiles(ns: SampleNamespace, profile: PlatformProfile): Record<string, string> {
  const prefix = `${namespaceFolder(ns, profile)}/`;
  const files: Record<string, string> = {};
  for (const file of renderStandardFiles(sampleRequest(ns, profile), profile)) files[file.path.slice(prefix.length)] = file.content;
  Object.assign(files, renderSampleExtras(ns, profile));
  for (const group of ns.modules) {
    const [path, text] = renderModuleFile(group, ns, profile);
    files[path] = text;
  }
  // As in the real repository, namespaces whose blocks look the cluster up by name declare eks_cluster_name.
  if (ns.modules.some((g) => g.module === "irsa" || g.module === "secrets-manager")) {
    const decl = variableFor("eks_cluster_name", { ...ns, teams: [], owner: null, slackChannel: null })!;
    files["resources/variables.tf"] = declareVariables(files["resources/variables.tf"] ?? null, [decl]);
  }
  if (ns.lacksEnvironmentVariable) declareOlderEnvironmentVariable(files);
  return files;
}

/**
 * A namespace older than the template: its variable is `environment-name`
 * (163 real namespaces lack `environment`). Its own blocks use what it
 * declares, so it plans; a new block wiring `var.environment` would not.
 */
function declareOlderEnvironmentVariable(files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    if (!file.startsWith("resources/") || !file.endsWith(".tf")) continue;
    files[file] = text.replace(/^variable "environment" \{/m, 'variable "environment-name" {').replace(/\bvar\.environment(?![\w-])/g, "var.environment-name");
  }
}
