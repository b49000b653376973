"use client";

import { signIn, signOut } from "next-auth/react";
import { useState } from "react";

const button = "rounded bg-slate-900 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-700 disabled:opacity-60";

export function GitHubSignInButton({ callbackUrl }: { callbackUrl: string }) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className={button}
      disabled={busy}
      onClick={() => {
        setBusy(true);
        void signIn("github", { callbackUrl });
      }}
    >
      Sign in with GitHub
    </button>
  );
}

export function SignOutButton() {
  return (
    <button
      type="button"
      className="rounded px-2 py-1 text-sm text-slate-100 underline hover:bg-slate-700"
      onClick={() => void signOut({ callbackUrl: "/signin" })}
    >
      Sign out
    </button>
  );
}

interface LocalProps {
  users: { login: string; name: string; teams: string[] }[];
  reviewerTeams: string[];
  callbackUrl: string;
}

/** The embedded demo's sign-in: pick a sample user and the teams to act with. */
export function LocalSignInForm({ users, reviewerTeams, callbackUrl }: LocalProps) {
  const [login, setLogin] = useState(users[0]?.login ?? "");
  const [teams, setTeams] = useState(users[0]?.teams.join(", ") ?? "");
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        setBusy(true);
        void signIn("local", { login, teams, callbackUrl });
      }}
    >
      <div className="flex flex-col gap-1">
        <label htmlFor="local-login" className="text-sm font-medium">
          Sample user
        </label>
        <select
          id="local-login"
          value={login}
          onChange={(e) => {
            setLogin(e.target.value);
            setTeams(users.find((u) => u.login === e.target.value)?.teams.join(", ") ?? "");
          }}
          className="rounded border border-slate-500 bg-white px-2 py-1.5 text-sm"
        >
          {users.map((u) => (
            <option key={u.login} value={u.login}>
              {u.name} ({u.login})
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="local-teams" className="text-sm font-medium">
          GitHub teams
        </label>
        <input
          id="local-teams"
          value={teams}
          onChange={(e) => setTeams(e.target.value)}
          aria-describedby="local-teams-hint"
          className="rounded border border-slate-500 px-2 py-1.5 text-sm"
        />
        <span id="local-teams-hint" className="text-xs text-slate-700">
          Comma-separated team slugs. Reviewer teams: {reviewerTeams.join(", ")}.
        </span>
      </div>
      <button type="submit" className={button} disabled={busy}>
        Sign in as this user
      </button>
    </form>
  );
}
