import type { Env } from "@/lib/env";
import type { PlatformProfile } from "@/lib/environments/profile/profile";

/** What the request form needs to offer a prototype site: the profile's conventions, the organisation, and whether Berth can open its pull request. */
export function prototypeFormOptions(profile: PlatformProfile, env: Pick<Env, "BERTH_GIT_PROVIDER" | "GITHUB_ENVIRONMENTS_REPO">) {
  if (!profile.prototype) return null;
  const github = env.BERTH_GIT_PROVIDER === "github";
  return {
    application: profile.prototype.application,
    environment: profile.prototype.environment,
    owner: (github ? env.GITHUB_ENVIRONMENTS_REPO?.split("/")[0] : undefined) ?? profile.defaults.githubOwner,
    github,
  };
}
