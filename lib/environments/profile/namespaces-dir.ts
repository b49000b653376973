import type { PlatformProfile } from "./profile";

/** The profile's namespaces folder as a repository path: no leading "./", no trailing slash. */
export function namespacesDir(profile: PlatformProfile): string {
  return profile.namespacesDir.replace(/^(\.\/)+/, "").replace(/\/+$/, "");
}
