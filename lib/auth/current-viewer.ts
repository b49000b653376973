import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { sessionCookieName, sessionSettings } from "./auth-options";
import { createGitHubMembershipSource } from "./github-membership";
import { loadViewer } from "./sessions";
import type { Viewer } from "./viewer";
import { createViewerCache } from "./viewer-cache";

// On globalThis: Next bundles routes and pages apart, and they share one cache.
const shared = globalThis as typeof globalThis & { berthViewers?: ReturnType<typeof createViewerCache> };
function viewers() {
  shared.berthViewers ??= createViewerCache({
    freshMs: 5_000,
    staleMs: 5 * 60_000,
    max: 10_000,
    now: Date.now,
    onStale: (_session, error) => console.warn(JSON.stringify({ time: new Date().toISOString(), level: "warn", msg: "session store unavailable; using the viewer read before", error: String(error) })),
  });
  return shared.berthViewers;
}

/** Forgets a signed-out session in this process at once. */
export function forgetViewer(sessionId: string): void {
  viewers().forget(sessionId);
}

/** The id of this request's session if its cookie is genuine (nothing is read from the database); null when signed out. */
export async function currentSessionId(): Promise<string | null> {
  const env = getEnv();
  const cookie = (await cookies()).get(sessionCookieName(env))?.value;
  if (!cookie) return null;
  const token = await decode({ token: cookie, secret: env.authSecret }).catch(() => null);
  return typeof token?.sid === "string" ? token.sid : null;
}

async function load(force: boolean): Promise<Viewer | null> {
  const id = await currentSessionId();
  if (!id) return null;
  const env = getEnv();
  const read = () =>
    loadViewer(getDb(), id, {
      settings: sessionSettings(env),
      // TODO(root): pass onCall
      membership: createGitHubMembershipSource({ apiUrl: env.GITHUB_API_URL, org: env.GITHUB_ORG }),
      now: new Date(),
      force,
    });
  return viewers().load(id, read, force);
}

/** The signed-in viewer of this request, or null; read once per request. */
export const getViewer = cache(() => load(false));

/** Re-reads the viewer's teams from GitHub now. */
export function refreshViewer(): Promise<Viewer | null> {
  return load(true);
}

/** For route handlers and use-cases: the viewer, or a 401. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) throw new AppError("unauthenticated", "Sign in to use Berth");
  return viewer;
}
