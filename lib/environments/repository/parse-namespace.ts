import { assembleNamespace } from "./assemble-namespace";
import type { PlatformProfile } from "../profile/profile";
import { namespaceFileKind, readNamespaceFile, type FileContents, type FileFacts } from "./read-namespace-file";
import type { NamespaceRecord } from "../types";

export interface ParseNamespaceInput {
  /**
   * Every file of the folder by path relative to it. Contents are needed only
   * for the files Berth reads (top-level YAML, resources/*.tf); others may be null.
   */
  files: Record<string, FileContents | null>;
  profile: PlatformProfile;
  /** The folder's cluster domain, e.g. `live.cloud-platform.service.justice.gov.uk`. */
  clusterDomain: string;
  /** The folder's name, i.e. the namespace's. */
  name: string;
}

/**
 * Reads one `<namespacesDir>/<domain>/<namespace>/` folder. Never throws: what
 * cannot be read is reported in `problems` and the rest is kept.
 */
export function parseNamespace(input: ParseNamespaceInput): NamespaceRecord {
  const facts = new Map<string, FileFacts>();
  for (const [relPath, contents] of Object.entries(input.files)) {
    if (contents !== null && namespaceFileKind(relPath)) facts.set(relPath, readNamespaceFile(relPath, contents, input.profile));
  }
  return assembleNamespace({
    profile: input.profile,
    clusterDomain: input.clusterDomain,
    name: input.name,
    paths: Object.keys(input.files),
    facts,
  });
}
