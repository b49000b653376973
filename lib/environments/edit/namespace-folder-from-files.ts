import type { PlatformProfile } from "../profile/profile";
import { parseNamespace } from "../repository/parse-namespace";
import type { NamespaceFolder } from "./edit-operation";

/** A NamespaceFolder from the text of each file (by path relative to the folder), read as the index reads it. */
export function namespaceFolderFromFiles(input: {
  files: Record<string, string>;
  clusterDomain: string;
  name: string;
  profile: PlatformProfile;
}): NamespaceFolder {
  const record = parseNamespace({ files: input.files, profile: input.profile, clusterDomain: input.clusterDomain, name: input.name });
  return { record, files: new Map(Object.entries(input.files)) };
}
