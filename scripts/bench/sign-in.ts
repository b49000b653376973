/** Signs in as a sample user through next-auth's credentials flow and returns the session cookie. */
export async function signInCookie(origin: string): Promise<string> {
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${origin}/api/auth/callback/local`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, login: "alice-adeyemi", teams: "hmpps-sre", json: "true" }),
  });
  const session = response.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`signing in failed: ${response.status}`);
  return session.split(";")[0]!;
}

