import type { Octokit } from "@octokit/rest";

/**
 * What `berth catalogue --github` asks of the module repositories: each
 * one's latest release and a file at a tag. The GitHub implementation is
 * githubModuleReleases; tests pass a fake.
 */
export interface ModuleReleases {
  /** The latest release's tag, or null when the repository has no release (or does not exist). */
  latestRelease(repo: string): Promise<string | null>;
  /** A file's text at a ref, or null when it is not there. */
  readFile(repo: string, path: string, ref: string): Promise<string | null>;
}

const notFound = (error: unknown) => (error as { status?: number }).status === 404;

export function githubModuleReleases(octokit: Octokit, owner: string): ModuleReleases {
  return {
    async latestRelease(repo) {
      try {
        const { data } = await octokit.rest.repos.getLatestRelease({ owner, repo });
        return data.tag_name;
      } catch (error) {
        if (notFound(error)) return null;
        throw error;
      }
    },
    async readFile(repo, path, ref) {
      try {
        const { data } = await octokit.rest.repos.getContent({ owner, repo, path, ref });
        if (Array.isArray(data) || data.type !== "file" || !("content" in data)) return null;
        return Buffer.from(data.content, "base64").toString("utf8");
      } catch (error) {
        if (notFound(error)) return null;
        throw error;
      }
    },
  };
}
