import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { GitHubSignInButton, LocalSignInForm } from "@/components/auth/sign-in-buttons";
import { getViewer } from "@/lib/server/current-viewer";
import { sampleUsers } from "@/lib/environments/sample/sample-users";
import { getServices } from "@/lib/server/services";
import { safeCallback } from "@/lib/auth/safe-callback";

export const metadata: Metadata = { title: "Sign in" };

const ERRORS: Record<string, string> = {
  OAuthCallback: "GitHub did not accept the sign-in (the code may have expired). Please try again.",
  OAuthSignin: "Berth could not start signing in with GitHub. Please try again.",
  CredentialsSignin: "That sample user or team list was not accepted.",
  AccessDenied: "You may not sign in to Berth.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const { env } = getServices();
  const callbackUrl = safeCallback(params.callbackUrl, env.NEXTAUTH_URL);
  if (await getViewer()) redirect(callbackUrl);
  const error = typeof params.error === "string" ? (ERRORS[params.error] ?? "Signing in failed. Please try again.") : null;

  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-semibold">Sign in to Berth</h1>
      {error && (
        <p role="alert" className="rounded border border-rose-400 bg-rose-50 p-3 text-sm text-rose-900">
          {error}
        </p>
      )}
      {env.GITHUB_CLIENT_ID && (
        <section aria-labelledby="with-github" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h2 id="with-github" className="font-semibold">
            With your GitHub account
          </h2>
          <p className="text-sm">Members of the {env.GITHUB_ORG} organisation on GitHub can sign in. What you may do follows your GitHub teams.</p>
          <GitHubSignInButton callbackUrl={callbackUrl} />
        </section>
      )}
      {env.BERTH_LOCAL_SIGNIN && (
        <section aria-labelledby="local" className="space-y-3 rounded-lg border border-amber-400 bg-amber-50 p-4">
          <h2 id="local" className="font-semibold">
            As a sample user (demo only)
          </h2>
          <p className="text-sm">Local sign-in is switched on: anyone can act as any sample user and team. Never use it with real data.</p>
          <LocalSignInForm users={sampleUsers.map((u) => ({ ...u, teams: [...u.teams] }))} reviewerTeams={env.BERTH_REVIEWER_TEAMS} callbackUrl={callbackUrl} />
        </section>
      )}
    </div>
  );
}
