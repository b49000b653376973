import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/auth-options";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/server/http";
import { getServices } from "@/lib/server/services";

/** next-auth's own test of a callback URL: a path, or an absolute http(s) URL. */
function isCallbackNextAuthTakes(value: string, base: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? base : undefined).protocol);
  } catch {
    return false;
  }
}

async function handler(request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) {
  // Note: next-auth answers a callbackUrl it cannot parse with a 500 (INVALID_CALLBACK_URL_ERROR): refuse it as the client error it is.
  const callbackUrl = request.nextUrl.searchParams.get("callbackUrl");
  if (callbackUrl !== null && !isCallbackNextAuthTakes(callbackUrl, request.nextUrl.origin)) {
    return errorResponse(new AppError("invalid_input", "The callback URL is not a URL", { callbackUrl: "expected a path such as /namespaces" }));
  }
  // Note: next-auth parses a JSON body without catching its error, so a malformed one was a 500 for what a client sent.
  if (request.method === "POST" && request.headers.get("content-type")?.includes("application/json")) {
    const parses = await request
      .clone()
      .json()
      .then(
        () => true,
        () => false,
      );
    if (!parses) return errorResponse(new AppError("invalid_input", "The body is not valid JSON", { request: "expected a JSON object" }));
  }
  return NextAuth(request, context, authOptions(getServices()));
}

export { handler as GET, handler as POST };
