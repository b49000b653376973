import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { assertSameOrigin } from "./same-origin";

function post(headers: Record<string, string>, url = "http://127.0.0.1:3000/api/requests"): Request {
  return new Request(url, { method: "POST", headers });
}

function refusal(request: Request, env: { NEXTAUTH_URL?: string }): unknown {
  try {
    assertSameOrigin(request, env);
    return null;
  } catch (error) {
    return error;
  }
}

describe("assertSameOrigin", () => {
  const env = { NEXTAUTH_URL: "https://berth.example.org" };

  it("accepts Berth's own origin", () => {
    expect(refusal(post({ origin: "https://berth.example.org" }), env)).toBeNull();
  });

  it.each([
    ["another scheme on the same host", { origin: "http://berth.example.org", host: "berth.example.org" }],
    ["a forged X-Forwarded-Host", { origin: "https://evil.example", "x-forwarded-host": "evil.example" }],
    ["a forged Host", { origin: "https://evil.example", host: "evil.example" }],
    ["another port", { origin: "https://berth.example.org:8443" }],
    ["no Origin", {}],
    ["Origin: null", { origin: "null" }],
    ["a garbage Origin", { origin: "::not a url::" }],
    ["a file: Origin", { origin: "file:///etc/passwd" }],
  ])("refuses %s with a 403, not a TypeError", (_, headers) => {
    const error = refusal(post(headers), env);
    expect(isAppError(error) && error.status).toBe(403);
  });

  it("without NEXTAUTH_URL compares with the origin the request arrived on", () => {
    expect(refusal(post({ origin: "http://127.0.0.1:3000" }), {})).toBeNull();
    const error = refusal(post({ origin: "http://evil.example", "x-forwarded-host": "evil.example" }), {});
    expect(isAppError(error) && error.status).toBe(403);
  });
});
