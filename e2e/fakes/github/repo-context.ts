import type { GitRepo } from "./git-repo";
import type { RepoStore } from "./repo-store";
import type { Webhooks } from "./webhooks";

/** The one repository the fake hosts: git for what git holds, the store for the rest. */
export interface RepoContext {
  owner: string;
  name: string;
  fullName: string;
  id: number;
  defaultBranch: "main";
  createdAt: string;
  git: GitRepo;
  store: RepoStore;
  hooks: Webhooks;
}
