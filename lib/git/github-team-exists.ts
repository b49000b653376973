import type { Octokit } from "@octokit/rest";

/** Whether `org` has a team `slug` (GET /orgs/{org}/teams/{team_slug}); a 404 is "no", any other failure is thrown. */
export async function githubTeamExists(octokit: Pick<Octokit, "rest">, org: string, slug: string): Promise<boolean> {
  try {
    await octokit.rest.teams.getByName({ org, team_slug: slug });
    return true;
  } catch (error) {
    if (typeof error === "object" && error !== null && "status" in error && (error as { status: unknown }).status === 404) return false;
    throw error;
  }
}
