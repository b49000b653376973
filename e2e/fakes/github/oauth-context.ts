import type { GitHubState } from "./github-state";
import type { Violations } from "./violations";

/** The one OAuth app the fake knows, and the clock codes expire by. */
export interface OAuthContext {
  state: GitHubState;
  clientId: string;
  clientSecret: string;
  violations: Violations;
  now: () => number;
}

export const CODE_LIFETIME_MS = 10 * 60 * 1000;
