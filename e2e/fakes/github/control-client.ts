/**
 * Typed calls to the fake's `/_fake/` control API, for vitest and
 * Playwright fixtures alike (plain fetch, no Node-only imports).
 */
export interface FakeUserInput {
  login: string;
  name?: string;
  email?: string;
  teams: string[];
  orgMember: boolean;
}

export function controlClient(fakeUrl: string) {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${fakeUrl}/_fake${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`fake GitHub ${method} /_fake${path}: ${response.status} ${await response.text()}`);
    return (response.status === 204 ? undefined : await response.json()) as T;
  };
  return {
    putUser: (user: FakeUserInput) => call<{ id: number; login: string }>("POST", "/users", user),
    setTeams: (login: string, teams: string[]) => call<unknown>("PUT", `/users/${encodeURIComponent(login)}/teams`, { teams }),
    setOrgMember: (login: string, orgMember: boolean) =>
      call<unknown>("PUT", `/users/${encodeURIComponent(login)}/membership`, { orgMember }),
    token: async (login: string, scopes: string[]) => (await call<{ token: string }>("POST", "/tokens", { login, scopes })).token,
    violations: async () => (await call<{ violations: string[] }>("GET", "/violations")).violations,
    clearViolations: () => call<void>("DELETE", "/violations"),
  };
}
