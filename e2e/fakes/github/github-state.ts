import { randomBytes } from "node:crypto";
import { stableId } from "./stable-id";

export interface FakeUser {
  id: number;
  login: string;
  name: string | null;
  email: string | null;
  teams: Set<string>;
  orgMember: boolean;
  createdAt: string;
}

export interface FakeTeam {
  id: number;
  slug: string;
  name: string;
}

export interface FakeToken {
  token: string;
  login: string;
  scopes: string[];
  /** An App installation's token: it expires (milliseconds since the epoch) and carries no OAuth scopes. */
  expiresAt?: number;
}

/** What the authorize step granted, waiting to be exchanged for a token. */
export interface PendingCode {
  clientId: string;
  login: string;
  scopes: string[];
  redirectUri: string;
  expiresAt: number;
  codeChallenge?: { value: string; method: "S256" | "plain" };
}

export interface GitHubState {
  readonly org: string;
  putUser(input: { login: string; name?: string | null; email?: string | null; teams: string[]; orgMember: boolean }): FakeUser;
  user(login: string): FakeUser | undefined;
  users(): FakeUser[];
  team(slug: string): FakeTeam | undefined;
  teamMemberCount(slug: string): number;
  issueToken(login: string, scopes: string[]): FakeToken;
  /** A `ghs_` token for an App installation's bot, valid until `expiresAt`. */
  issueInstallationToken(login: string, expiresAt: number): FakeToken;
  token(value: string): FakeToken | undefined;
  /** Forgets a token: every later use is a 401. */
  revokeToken(value: string): void;
  putCode(pending: PendingCode): string;
  /** Returns the pending grant and forgets it: codes are single use. */
  takeCode(code: string): PendingCode | undefined;
}

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

function randomBase62(length: number): string {
  return [...randomBytes(length)].map((byte) => BASE62[byte % 62]).join("");
}

/**
 * The fake's whole world, in memory. Tests name their users and teams
 * uniquely, so there is no "next id" or other state shared between them.
 */
export function createGitHubState(org: string): GitHubState {
  const users = new Map<string, FakeUser>();
  const teams = new Map<string, FakeTeam>();
  const tokens = new Map<string, FakeToken>();
  const codes = new Map<string, PendingCode>();

  const ensureTeam = (slug: string): void => {
    if (!teams.has(slug)) teams.set(slug, { id: stableId("team", slug), slug, name: slug });
  };

  return {
    org,
    putUser(input) {
      input.teams.forEach(ensureTeam);
      const user: FakeUser = {
        id: stableId("user", input.login),
        login: input.login,
        name: input.name ?? null,
        email: input.email ?? null,
        teams: new Set(input.teams),
        orgMember: input.orgMember,
        createdAt: users.get(input.login)?.createdAt ?? new Date().toISOString().replace(/\.\d+Z$/, "Z"),
      };
      users.set(user.login, user);
      return user;
    },
    user: (login) => users.get(login),
    users: () => [...users.values()].sort((a, b) => a.login.localeCompare(b.login)),
    team: (slug) => teams.get(slug),
    teamMemberCount: (slug) => [...users.values()].filter((user) => user.teams.has(slug)).length,
    issueToken(login, scopes) {
      const token: FakeToken = { token: `gho_${randomBase62(36)}`, login, scopes: [...scopes] };
      tokens.set(token.token, token);
      return token;
    },
    issueInstallationToken(login, expiresAt) {
      // Note: the fake's repository checks want `repo`; the dispatcher sends no x-oauth-scopes for these, as GitHub.
      const token: FakeToken = { token: `ghs_${randomBase62(36)}`, login, scopes: ["repo"], expiresAt };
      tokens.set(token.token, token);
      return token;
    },
    token: (value) => tokens.get(value),
    revokeToken: (value) => void tokens.delete(value),
    putCode(pending) {
      const code = randomBytes(10).toString("hex");
      codes.set(code, pending);
      return code;
    },
    takeCode(code) {
      const pending = codes.get(code);
      codes.delete(code);
      return pending;
    },
  };
}
