import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeGitHub, type FakeGitHub } from "./start-fake-github";

describe("the /_fake/ control API", () => {
  let fake: FakeGitHub;
  beforeAll(async () => {
    fake = await startFakeGitHub({ org: "acme", clientId: "id", clientSecret: "secret" });
  });
  afterAll(() => fake.close());

  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${fake.url}/_fake${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, body: response.status === 204 ? undefined : ((await response.json()) as Record<string, unknown>) };
  };

  it("creates a user with a stable id, and replaces one with the same login", async () => {
    const first = await call("POST", "/users", { login: "ctl-ada", teams: ["a"], orgMember: true });
    expect(first).toEqual({ status: 201, body: { id: expect.any(Number), login: "ctl-ada" } });
    const again = await call("POST", "/users", { login: "ctl-ada", teams: [], orgMember: false });
    expect(again.body?.id).toBe(first.body?.id);
  });

  it("updates teams and membership, 404 for an unknown login", async () => {
    await call("POST", "/users", { login: "ctl-bob", teams: [], orgMember: true });
    expect(await call("PUT", "/users/ctl-bob/teams", { teams: ["b", "a"] })).toMatchObject({ status: 200, body: { teams: ["a", "b"] } });
    expect(await call("PUT", "/users/ctl-bob/membership", { orgMember: false })).toMatchObject({ status: 200, body: { orgMember: false } });
    expect((await call("PUT", "/users/nobody/teams", { teams: [] })).status).toBe(404);
  });

  it("answers 422 with the reason for bad input", async () => {
    expect(await call("POST", "/users", { login: "ctl-eve", teams: "a", orgMember: true })).toEqual({
      status: 422,
      body: { message: "teams must be an array of team slugs" },
    });
    expect((await call("POST", "/users", { login: "not a login", teams: [], orgMember: true })).status).toBe(422);
    expect((await call("POST", "/tokens", { login: "nobody", scopes: [] })).status).toBe(422);
    expect((await call("PUT", "/users/ctl-bob/membership", { orgMember: "yes" })).status).toBe(422);
  });

  it("issues tokens with normalised scopes", async () => {
    await call("POST", "/users", { login: "ctl-cy", teams: [], orgMember: true });
    const { body } = await call("POST", "/tokens", { login: "ctl-cy", scopes: ["user:email", "read:user", "user:email"] });
    const response = await fetch(`${fake.apiUrl}/user`, { headers: { authorization: `Bearer ${String(body?.token)}` } });
    expect(response.headers.get("x-oauth-scopes")).toBe("read:user, user:email");
  });
});
