import type { TeamDirectory } from "@/lib/git/git-provider";

/**
 * An access edit's field error when a team it adds does not exist in the
 * organisation (GitHub only: `teams` is null with the local provider, which has
 * no directory to ask). Asked one team at a time; a refusal names every unknown team.
 */
export async function unknownAddedTeams(teams: TeamDirectory | null | undefined, operation: string, answers: unknown): Promise<Record<string, string>> {
  if (!teams || operation !== "access") return {};
  const add = (answers as { add?: unknown }).add;
  if (!Array.isArray(add) || add.length === 0) return {};
  const slugs = add.filter((s): s is string => typeof s === "string");
  const found = await Promise.all(slugs.map((slug) => teams.teamExists(slug)));
  const unknown = slugs.filter((_, i) => !found[i]);
  if (unknown.length === 0) return {};
  const which = unknown.length === 1 ? `team ${unknown[0]}` : `teams ${unknown.join(", ")}`;
  return { add: `The ${teams.org} organisation has no GitHub ${which}` };
}
