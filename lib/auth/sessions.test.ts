import { describe, expect, it } from "vitest";
import { embeddedTestDatabase } from "@/lib/db/testing/embedded-test-database";
import { GitHubTokenRevokedError, type Membership, type MembershipSource } from "./github-membership";
import { createSession, loadViewer, SESSION_TTL_MS } from "./sessions";

const silent = { warn: () => {} };

const settings = { secret: "k".repeat(32), reviewerTeams: ["webops"], refreshMs: 15 * 60_000 };
const t0 = new Date("2026-03-01T09:00:00Z");
const later = (ms: number) => new Date(t0.getTime() + ms);

/** A membership source answering from a script, counting calls. */
function membership(answer: () => Membership | Error) {
  const source: MembershipSource & { calls: string[] } = {
    calls: [],
    async read(token) {
      source.calls.push(token);
      const a = answer();
      if (a instanceof Error) throw a;
      return a;
    },
  };
  return source;
}

describe("sessions", () => {
  const db = embeddedTestDatabase();

  const newGitHubSession = (teams = ["orders"]) =>
    createSession(db(), { kind: "github", login: "alice", name: "Alice", githubId: 7, token: "gho_topsecret", teams }, settings, t0);

  it("keeps the GitHub token encrypted and the teams as read", async () => {
    const id = await newGitHubSession(["orders", "webops"]);
    const row = await db().session.findUniqueOrThrow({ where: { id } });
    expect(row.accessToken).not.toContain("gho_topsecret");
    const source = membership(() => new Error("not called"));
    const viewer = await loadViewer(db(), id, { settings, membership: source, log: silent, now: later(60_000) });
    expect(viewer).toMatchObject({ login: "alice", teams: ["orders", "webops"], reviewer: true, kind: "github" });
    expect(source.calls).toEqual([]);
  });

  it("re-reads teams from GitHub once they are older than the refresh interval", async () => {
    const id = await newGitHubSession(["orders"]);
    const source = membership(() => ({ member: true, teams: ["payments"] }));
    const viewer = await loadViewer(db(), id, { settings, membership: source, log: silent, now: later(settings.refreshMs) });
    expect(source.calls).toEqual(["gho_topsecret"]);
    expect(viewer?.teams).toEqual(["payments"]);
    const again = await loadViewer(db(), id, { settings, membership: source, log: silent, now: later(settings.refreshMs + 1000) });
    expect(again?.teams).toEqual(["payments"]);
    expect(source.calls).toHaveLength(1);
  });

  it("refreshes on demand", async () => {
    const id = await newGitHubSession(["orders"]);
    const source = membership(() => ({ member: true, teams: [] }));
    expect((await loadViewer(db(), id, { settings, membership: source, log: silent, now: later(1000), force: true }))?.teams).toEqual([]);
  });

  it("ends the session of someone who left the organisation, or whose token was revoked", async () => {
    for (const answer of [{ member: false, teams: [] }, new GitHubTokenRevokedError()]) {
      const id = await newGitHubSession();
      const viewer = await loadViewer(db(), id, { settings, membership: membership(() => answer), log: silent, now: later(settings.refreshMs) });
      expect(viewer).toBeNull();
      expect(await db().session.findUnique({ where: { id } })).toBeNull();
    }
  });

  it("keeps the last known teams while GitHub is down, and retries a minute later", async () => {
    const id = await newGitHubSession(["orders"]);
    const source = membership(() => new Error("502 Bad Gateway"));
    const deps = { settings, membership: source, log: silent };
    expect((await loadViewer(db(), id, { ...deps, now: later(settings.refreshMs) }))?.teams).toEqual(["orders"]);
    await loadViewer(db(), id, { ...deps, now: later(settings.refreshMs + 30_000) });
    expect(source.calls).toHaveLength(1);
    await loadViewer(db(), id, { ...deps, now: later(settings.refreshMs + 61_000) });
    expect(source.calls).toHaveLength(2);
  });

  it("clears expired sessions, token and all, when someone signs in", async () => {
    const stale = await newGitHubSession();
    await createSession(db(), { kind: "local", login: "later", name: "Later", teams: [] }, settings, later(SESSION_TTL_MS + 1));
    expect(await db().session.findUnique({ where: { id: stale } })).toBeNull();
  });

  it("forgets expired and unknown sessions; local sessions never call GitHub", async () => {
    const id = await newGitHubSession();
    expect(await loadViewer(db(), id, { settings, membership: membership(() => new Error("x")), log: silent, now: later(SESSION_TTL_MS) })).toBeNull();
    expect(await loadViewer(db(), "no-such-session", { settings, membership: membership(() => new Error("x")), log: silent, now: t0 })).toBeNull();
    const local = await createSession(db(), { kind: "local", login: "dana", name: "Dana", teams: ["webops"] }, settings, t0);
    const source = membership(() => new Error("not called"));
    expect(await loadViewer(db(), local, { settings, membership: source, log: silent, now: later(settings.refreshMs * 2), force: true })).toMatchObject({
      kind: "local",
      reviewer: true,
    });
    expect(source.calls).toEqual([]);
  });
});
