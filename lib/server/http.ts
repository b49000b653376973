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

/** Reads a JSON body of at most `maxBytes`; a larger or malformed one is refused before any work. */
export async function readJson(request: Request, maxBytes = 64 * 1024): Promise<unknown> {
  const text = await readText(request, maxBytes);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("invalid_input", "The body is not valid JSON", { request: "expected a JSON object" });
  }
}

/** The raw body, refused with 413 beyond `maxBytes`. */
export async function readText(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  const text = declared > maxBytes ? null : await request.text();
  if (text === null || Buffer.byteLength(text) > maxBytes) throw new AppError("too_large", `The body is larger than ${maxBytes} bytes`);
  return text;
}
