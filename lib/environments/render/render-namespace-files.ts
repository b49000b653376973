import { namespaceFolder } from "../profile/namespace-folder";
import { validateNamespaceRequest, type NamespaceRequest } from "../requests/namespace-request";
import type { PlatformProfile } from "../profile/profile";
import { renderNamespaceTerraform } from "./render-namespace-terraform";
import { renderNamespaceYaml } from "./render-namespace-yaml";
import { renderPrototypeNamespace } from "./render-prototype-namespace";

/** A file to write, by path relative to the repository root. */
export interface RepoFile {
  path: string;
  content: string;
}

/** A request that does not pass the schema for this profile; `fields` maps each field to its first message. */
export class InvalidNamespaceRequestError extends Error {
  constructor(readonly fields: Record<string, string>) {
    super(
      `invalid namespace request: ${Object.entries(fields)
        .map(([f, m]) => `${f}: ${m}`)
        .join("; ")}`,
    );
    this.name = "InvalidNamespaceRequestError";
  }
}

/**
 * The files a pull request for a new namespace adds:
 * `<namespacesDir>/<cluster domain>/<name>/` with 00- to 04- manifests and
 * resources/{main,variables,versions}.tf, sorted by path; a prototype site
 * also gets its ECR repository, service account and basic-auth Secret
 * (renderPrototypeNamespace). Deterministic for a given `today` (the service
 * account's token rotation date; today, UTC, by default).
 *
 * Note: the request is validated again here, whatever the caller did, so no
 * unchecked value (a second line, a control character) can reach a file;
 * an invalid one throws InvalidNamespaceRequestError.
 */
export function renderNamespaceFiles(request: NamespaceRequest, profile: PlatformProfile, options: { today?: string } = {}): RepoFile[] {
  const checked = validateNamespaceRequest(request, profile);
  if (!checked.ok) throw new InvalidNamespaceRequestError(checked.fields);
  const value = checked.value;
  const cluster = profile.clusters.find((c) => c.name === value.cluster)!;
  const folder = namespaceFolder(profile, cluster.domain, value.name);
  const files = { ...renderNamespaceYaml(value, profile), ...renderNamespaceTerraform(value, profile) };
  if (value.prototype) {
    if (!profile.prototype) throw new InvalidNamespaceRequestError({ "prototype.repository": "this platform offers no prototype sites" });
    const today = options.today ?? new Date().toISOString().slice(0, 10);
    const prototype = renderPrototypeNamespace(value.prototype.repository, profile, profile.prototype, today);
    Object.assign(files, prototype.files);
    files["resources/variables.tf"] += prototype.variables;
  }
  return Object.entries(files)
    .map(([relPath, content]) => ({ path: `${folder}/${relPath}`, content }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
