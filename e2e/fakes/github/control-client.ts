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

/** A webhook delivery as `GET /_fake/deliveries` lists it; `status` is null while in flight, 0 when unreachable. */
export interface FakeDelivery {
  id: number;
  guid: string;
  event: string;
  action: string | null;
  url: string;
  redelivery: boolean;
  status: number | null;
  error: string | null;
  headers: Record<string, string>;
  body: string;
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
    setOrgMember: (login: string, orgMember: boolean) => call<unknown>("PUT", `/users/${encodeURIComponent(login)}/membership`, { orgMember }),
    token: async (login: string, scopes: string[]) => (await call<{ token: string }>("POST", "/tokens", { login, scopes })).token,
    violations: async () => (await call<{ violations: string[] }>("GET", "/violations")).violations,
    clearViolations: () => call<void>("DELETE", "/violations"),
    setRules: (rules: { requiredApprovals?: 0 | 1; requiredChecks?: string[] }) => call<unknown>("PUT", "/repo/rules", rules),
    /** Seeding: new branches at `sha`, each with an open pull request into `base` (main), sending no webhook. */
    openPulls: async (input: { sha: string; heads: string[]; author: string; base?: string }) =>
      (await call<{ pulls: Array<{ number: number; head: string }> }>("POST", "/repo/pulls", input)).pulls,
    putCheck: (check: { sha: string; name: string; conclusion: "success" | "failure" | "pending" | "neutral" | "skipped" }) =>
      call<{ id: number; status: string; conclusion: string | null }>("POST", "/checks", check),
    setWebhook: (url: string, secret: string) => call<unknown>("PUT", "/webhook", { url, secret }),
    deliveries: async () => (await call<{ deliveries: FakeDelivery[] }>("GET", "/deliveries")).deliveries,
    redeliver: (id: number) => call<{ id: number; guid: string }>("POST", `/deliveries/${id}/redeliver`),
    failNext: (rule: { method: string; pathPattern: string; status: number; times?: number }) => call<unknown>("POST", "/fail-next", rule),
    slowNext: (rule: { method: string; pathPattern: string; delayMs: number; times?: number }) => call<unknown>("POST", "/slow-next", rule),
    clearInjections: () => call<void>("DELETE", "/fail-next"),
    calls: () => call<{ total: number; notModified: number; calls: Array<{ method: string; operationId: string; count: number }> }>("GET", "/calls"),
    /** Every answer from now on reports at most this many calls left (x-ratelimit-remaining); null restores the real count. */
    setRateLimitRemaining: (remaining: number | null) => call<unknown>("PUT", "/rate-limit", { remaining }),
    resetCalls: () => call<void>("DELETE", "/calls"),
    /** Installation tokens minted from now on live this long (GitHub: 3600). */
    setTokenLifetime: (seconds: number) => call<unknown>("PUT", "/app/token-lifetime", { seconds }),
  };
}
