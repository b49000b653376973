import { namespacesDir } from "./namespaces-dir";
import type { PlatformProfile } from "./profile";

/** A namespace's folder as a repository path: `<namespacesDir>/<cluster domain>/<name>`. */
export function namespaceFolder(profile: PlatformProfile, clusterDomain: string, name: string): string {
  return `${namespacesDir(profile)}/${clusterDomain}/${name}`;
}
