import { NextResponse, type NextRequest } from "next/server";

/**
 * Sends anonymous visitors of a page to the sign-in page, keeping where they
 * were going. Only a redirect: pages and route handlers check the session and
 * permissions themselves (a cookie here proves nothing).
 */
export function proxy(request: NextRequest): NextResponse {
  const signedIn = request.cookies.has("next-auth.session-token") || request.cookies.has("__Secure-next-auth.session-token");
  if (signedIn) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/signin";
  url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  // Pages only: API routes answer 401 JSON, and sign-in and static files stay open.
  matcher: ["/((?!api/|signin|_next/|favicon.ico).*)"],
};
