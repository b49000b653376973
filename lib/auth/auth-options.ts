import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import { z } from "zod";
import type { Db } from "@/lib/db/create-db";
import type { Env } from "@/lib/env";
import { createOctokit, type GitHubLog } from "@/lib/git/create-octokit";
import type { GitHubCall } from "@/lib/git/observe-github";
import { sampleUsers } from "@/lib/environments/sample/sample-users";
import { createGitHubMembershipSource } from "./github-membership";
import { createSession, deleteSession, SESSION_TTL_MS, type SessionSettings } from "./sessions";

/**
 * Scopes Berth asks for: who you are, your email, and your organisation and
 * team memberships; with the GitHub provider also the repository scope that
 * lets reviewers post their reviews as themselves.
 */
export function githubScopes(env: Env): string {
  const base = "read:user user:email read:org";
  return env.BERTH_GIT_PROVIDER === "github" ? `${base} ${env.GITHUB_REVIEW_SCOPE}` : base;
}

export function sessionSettings(env: Env): SessionSettings {
  return { secret: env.authSecret, reviewerTeams: env.BERTH_REVIEWER_TEAMS, refreshMs: env.BERTH_TEAMS_REFRESH_MINUTES * 60_000 };
}

/** The session cookie's name: next-auth prefixes it with __Secure- when Berth is served over HTTPS. */
export function sessionCookieName(env: Pick<Env, "NEXTAUTH_URL">): string {
  return env.NEXTAUTH_URL?.startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

const teamSlug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, "team slugs are lower-case letters, digits and hyphens");

/** What the local sign-in form sends: a sample user and the teams to act with. */
export const localSignInSchema = z.object({
  login: z.enum(sampleUsers.map((u) => u.login) as [string, ...string[]], { message: "choose one of the sample users" }),
  teams: z
    .string()
    .max(2000)
    .transform((v) => [
      ...new Set(
        v
          .split(",")
          .map((t) => t.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(teamSlug).max(50)),
});

function githubProvider(deps: AuthDeps) {
  const { env } = deps;
  const web = env.GITHUB_WEB_URL.replace(/\/$/, "");
  const api = env.GITHUB_API_URL.replace(/\/$/, "");
  return GitHubProvider({
    clientId: env.GITHUB_CLIENT_ID!,
    clientSecret: env.GITHUB_CLIENT_SECRET!,
    // Every URL comes from the settings so GitHub Enterprise Server works; the
    // provider's default userinfo request would call api.github.com directly.
    issuer: `${web}/login/oauth`,
    authorization: { url: `${web}/login/oauth/authorize`, params: { scope: githubScopes(env) } },
    token: `${web}/login/oauth/access_token`,
    userinfo: {
      url: `${api}/user`,
      async request({ tokens }) {
        const octokit = createOctokit({ auth: tokens.access_token, baseUrl: api, log: deps.log, onCall: (call) => deps.metrics.githubCall(call) });
        const { data: user } = await octokit.rest.users.getAuthenticated();
        let email = user.email;
        if (!email) {
          const { data: emails } = await octokit.rest.users.listEmailsForAuthenticatedUser();
          email = (emails.find((e) => e.primary) ?? emails[0])?.email ?? null;
        }
        return { ...user, name: user.name ?? undefined, email: email ?? undefined };
      },
    },
    profile(profile) {
      return { id: String(profile.id), name: profile.name ?? profile.login, email: profile.email, login: profile.login };
    },
  });
}

function localProvider() {
  return CredentialsProvider({
    id: "local",
    name: "Sample user",
    credentials: { login: { label: "Sample user", type: "text" }, teams: { label: "Teams", type: "text" } },
    async authorize(credentials) {
      const parsed = localSignInSchema.safeParse(credentials ?? {});
      if (!parsed.success) return null;
      const user = sampleUsers.find((u) => u.login === parsed.data.login)!;
      return { id: user.login, name: user.name, login: user.login, teams: parsed.data.teams };
    },
  });
}

/** What sign-in and sign-out need: the settings, the session store, and the viewer cache to forget a signed-out session in. */
export interface AuthDeps {
  env: Env;
  /** Read when a session is written, not before (the embedded database opens on first use). */
  readonly db: Db;
  viewers: { forget(sessionId: string): void };
  log: GitHubLog;
  /** Counts each GitHub call. */
  metrics: { githubCall(call: GitHubCall): void };
}

/**
 * next-auth's options. Sessions are JWT cookies that carry only the id of a
 * server-side session row (lib/auth/sessions.ts); the GitHub token and teams
 * stay in the database.
 */
export function authOptions(deps: AuthDeps): NextAuthOptions {
  const { env } = deps;
  const membership = createGitHubMembershipSource({
    apiUrl: env.GITHUB_API_URL,
    org: env.GITHUB_ORG,
    log: deps.log,
    onCall: (call) => deps.metrics.githubCall(call),
  });
  const settings = sessionSettings(env);
  return {
    secret: env.authSecret,
    useSecureCookies: env.NEXTAUTH_URL?.startsWith("https://") ?? false,
    session: { strategy: "jwt", maxAge: SESSION_TTL_MS / 1000 },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [...(env.GITHUB_CLIENT_ID ? [githubProvider(deps)] : []), ...(env.BERTH_LOCAL_SIGNIN ? [localProvider()] : [])],
    callbacks: {
      async signIn({ account }) {
        if (account?.provider !== "github") return true;
        const { member } = await membership.read(account.access_token ?? "");
        return member ? true : `/signin/not-a-member`;
      },
      async jwt({ token, user, account }) {
        if (!account || !user) return token;
        const login = (user as { login?: string }).login ?? user.id;
        const now = new Date();
        let teams: string[];
        if (account.provider === "github") {
          teams = (await membership.read(account.access_token ?? "")).teams;
        } else {
          teams = (user as { teams?: string[] }).teams ?? [];
        }
        const sid = await createSession(
          deps.db,
          {
            kind: account.provider === "github" ? "github" : "local",
            login,
            name: user.name ?? login,
            githubId: account.provider === "github" ? Number(user.id) : undefined,
            token: account.access_token,
            teams,
          },
          settings,
          now,
        );
        // Note: the cookie carries the session id only; no token, no teams.
        return { sid, name: user.name ?? login, sub: login };
      },
      async session({ session, token }) {
        return { expires: session.expires, user: { name: token.name ?? null, login: token.sub } };
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid !== "string") return;
        await deleteSession(deps.db, token.sid);
        deps.viewers.forget(token.sid);
      },
    },
  };
}
