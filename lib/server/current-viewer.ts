import "server-only";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { cache } from "react";
import { sessionCookieName, sessionSettings } from "@/lib/auth/auth-options";
import { createGitHubMembershipSource } from "@/lib/auth/github-membership";
import { loadViewer } from "@/lib/auth/sessions";
import type { Viewer } from "@/lib/auth/viewer";
import { getServices, type Services } from "./services";

type ViewerDeps = Pick<Services, "env" | "db" | "viewers" | "sessionTokens" | "log" | "metrics">;

/** The id of this request's session if its cookie is genuine (nothing is read from the database); null when signed out. */
export async function currentSessionId(deps: Pick<Services, "env" | "sessionTokens"> = getServices()): Promise<string | null> {
  const { env } = deps;
  const cookie = (await cookies()).get(sessionCookieName(env))?.value;
  if (!cookie) return null;
  return deps.sessionTokens.sessionId(cookie, (token) => decode({ token, secret: env.authSecret }));
}

async function load(deps: ViewerDeps, force: boolean): Promise<Viewer | null> {
  const id = await currentSessionId(deps);
  if (!id) return null;
  const { env } = deps;
  const read = () =>
    loadViewer(deps.db, id, {
      settings: sessionSettings(env),
      membership: createGitHubMembershipSource({
        apiUrl: env.GITHUB_API_URL,
        org: env.GITHUB_ORG,
        log: deps.log,
        onCall: (call) => deps.metrics.githubCall(call),
      }),
      now: new Date(),
      force,
      log: deps.log,
    });
  return deps.viewers.load(id, read, force);
}

/** The signed-in viewer of this request, or null; read once per request. */
export const getViewer = cache(() => load(getServices(), false));

/** Re-reads the viewer's teams from GitHub now. */
export function refreshViewer(): Promise<Viewer | null> {
  return load(getServices(), true);
}
