import "server-only";
import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/create-db";
import { GitHubTokenRevokedError, type MembershipSource } from "./github-membership";
import { isReviewerTeamMember } from "./policy";
import { decryptToken, encryptToken } from "./token-crypto";
import type { Viewer } from "./viewer";
import type { Logger } from "@/lib/log";

/** A session lasts a working day; GitHub sign-in is one click when it ends. */
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;
/** After a failed refresh (GitHub down), try again this much later rather than on every request. */
const RETRY_AFTER_OUTAGE_MS = 60 * 1000;

export interface SessionSettings {
  secret: string;
  reviewerTeams: readonly string[];
  refreshMs: number;
}

export interface NewSession {
  kind: "github" | "local";
  login: string;
  name: string;
  githubId?: number;
  /** The user's GitHub token; stored encrypted, never returned to a browser. */
  token?: string;
  teams: string[];
}

export async function createSession(db: Db, session: NewSession, settings: SessionSettings, now: Date): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  // Sessions nobody came back to would pile up (with their encrypted tokens): each sign-in clears the expired ones.
  await db.session.deleteMany({ where: { expiresAt: { lte: now } } });
  await db.session.create({
    data: {
      id,
      kind: session.kind,
      login: session.login,
      name: session.name,
      githubId: session.githubId ?? null,
      accessToken: session.token ? encryptToken(session.token, settings.secret) : null,
      teams: session.teams,
      teamsRefreshedAt: now,
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
    },
  });
  return id;
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.session.deleteMany({ where: { id } });
}

/**
 * The viewer behind a session id, or null when the session is gone, expired,
 * or its user has left the organisation. GitHub sessions re-read teams when
 * they are older than `refreshMs` (or when `force`), so someone removed from
 * a team loses what it gave them within minutes. If GitHub cannot be reached
 * the last known teams stay in force and a retry is scheduled.
 */
export async function loadViewer(
  db: Db,
  id: string,
  deps: { settings: SessionSettings; membership: MembershipSource; now: Date; force?: boolean; log: Pick<Logger, "warn"> },
): Promise<Viewer | null> {
  const { settings, now } = deps;
  const row = await db.session.findUnique({ where: { id } });
  if (!row) return null;
  if (row.expiresAt <= now) {
    await deleteSession(db, id);
    return null;
  }
  let teams = row.teams;
  const stale = now.getTime() - row.teamsRefreshedAt.getTime() >= settings.refreshMs;
  if (row.kind === "github" && (stale || deps.force)) {
    const token = row.accessToken ? decryptToken(row.accessToken, settings.secret) : null;
    try {
      if (!token) throw new GitHubTokenRevokedError();
      const membership = await deps.membership.read(token);
      if (!membership.member) {
        await deleteSession(db, id);
        return null;
      }
      teams = membership.teams;
      await db.session.update({ where: { id }, data: { teams, teamsRefreshedAt: now } });
    } catch (error) {
      if (error instanceof GitHubTokenRevokedError) {
        await deleteSession(db, id);
        return null;
      }
      deps.log.warn("Could not refresh GitHub teams; keeping the last known ones", { error: String(error) });
      const retryAt = new Date(now.getTime() - settings.refreshMs + RETRY_AFTER_OUTAGE_MS);
      await db.session.update({ where: { id }, data: { teamsRefreshedAt: retryAt } });
    }
  }
  return {
    sessionId: row.id,
    login: row.login,
    name: row.name,
    kind: row.kind === "local" ? "local" : "github",
    teams,
    reviewer: isReviewerTeamMember(teams, settings.reviewerTeams),
  };
}

/** The GitHub token of a session, for acting as that person (posting their review); null for local sessions. */
export async function sessionGitHubToken(db: Db, id: string, secret: string): Promise<string | null> {
  const row = await db.session.findUnique({ where: { id }, select: { accessToken: true } });
  return row?.accessToken ? decryptToken(row.accessToken, secret) : null;
}
