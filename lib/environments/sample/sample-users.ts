import { sampleTeam, type SampleTeam } from "./sample-teams";

/** A person who can sign in to a local Berth, with the GitHub teams they belong to. */
export interface SampleUser {
  login: string;
  name: string;
  /** GitHub team slugs. */
  teams: string[];
}

/**
 * A handful of users for local sign-in. Their teams are "anchor" teams: the
 * generator gives each of them the first applications it plans, so every one
 * of these teams owns namespaces in any generated repository of at least
 * {@link anchorTeams}.length namespaces.
 */
export const sampleUsers: readonly SampleUser[] = [
  { login: "alice-adeyemi", name: "Alice Adeyemi", teams: ["hmpps-sre", "digital-prison-services"] },
  { login: "bola-okafor", name: "Bola Okafor", teams: ["laa-crime-apply"] },
  { login: "chris-walsh", name: "Chris Walsh", teams: ["opg-use-an-lpa"] },
  { login: "dana-kowalski", name: "Dana Kowalski", teams: ["webops"] },
  { login: "evan-price", name: "Evan Price", teams: ["hmcts-find-a-court", "hmcts-court-bookings"] },
  { login: "farah-iqbal", name: "Farah Iqbal", teams: ["prison-visits-booking", "laa-crime-apply"] },
];

/** The sample users' teams, each once, in first-seen order. */
export const anchorTeams: readonly SampleTeam[] = [...new Set(sampleUsers.flatMap((u) => u.teams))].map(sampleTeam);
