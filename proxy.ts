import { NextResponse, type NextRequest } from "next/server";
import { readEnv } from "@/lib/env";
import { acceptRequestId } from "@/lib/log";
import { strictTransportSecurity } from "@/lib/server/strict-transport-security";

/**
 * For pages: a request id (passed on to the page and returned in
 * X-Request-Id), HSTS over HTTPS, and anonymous visitors sent to the sign-in
 * page, keeping where they were going. Only a redirect: pages and route
 * handlers check the session and permissions themselves (a cookie here
 * proves nothing).
 */
export function proxy(request: NextRequest): NextResponse {
  const requestId = acceptRequestId(request.headers.get("x-request-id"));
  const signedIn = request.cookies.has("next-auth.session-token") || request.cookies.has("__Secure-next-auth.session-token");
  let response: NextResponse;
  if (signedIn) {
    const headers = new Headers(request.headers);
    headers.set("x-request-id", requestId);
    response = NextResponse.next({ request: { headers } });
  } else {
    const url = request.nextUrl.clone();
    url.pathname = "/signin";
    url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
    response = NextResponse.redirect(url);
  }
  response.headers.set("x-request-id", requestId);
  const hsts = strictTransportSecurity(readEnv());
  if (hsts) response.headers.set("strict-transport-security", hsts);
  return response;
}

export const config = {
  // Pages only: API routes answer 401 JSON and set their own request id and
  // HSTS (lib/server/http.ts), without the proxy buffering their bodies;
  // sign-in and static files stay open.
  matcher: ["/((?!api/|signin|_next/|favicon.ico).*)"],
};
