import { randomUUID } from "node:crypto";
import { AppError, isAppError } from "@/lib/errors";

/** JSON error bodies: the code, a safe message, field errors where input was bad. */
export function errorResponse(error: unknown): Response {
  if (isAppError(error)) {
    return Response.json({ error: { code: error.code, message: error.message, fields: error.fields } }, { status: error.status });
  }
  const requestId = randomUUID();
  // Note: an unknown error's message may hold paths or upstream detail; it goes to the log only.
  console.error(JSON.stringify({ level: "error", requestId, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
  return Response.json({ error: { code: "internal", message: "Something went wrong", requestId } }, { status: 500 });
}

/** Runs a route handler body, turning thrown errors into JSON error responses. */
export async function respond(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    return errorResponse(error);
  }
}

/**
 * Note: a first guard against cross-site requests on mutations: browsers send
 * Origin on every cross-origin POST, and it must be this server.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || !host || new URL(origin).host !== host) throw new AppError("forbidden", "Cross-site request refused");
}

export { AppError };
