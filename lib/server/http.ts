import "server-only";
import { AppError, isAppError } from "@/lib/errors";
import { isDatabaseUnavailable } from "@/lib/db/database-unavailable";
import { acceptRequestId } from "@/lib/log";
import { currentSessionId } from "./current-viewer";
import { getServices, type Services } from "./services";
import { strictTransportSecurity } from "./strict-transport-security";
import { assertSameOrigin } from "./same-origin";
import { clientAddress } from "./client-address";

/** JSON error bodies: the code, a safe message, field errors where input was bad; 500s carry the request id; a database that does not answer is a 503 to retry. */
export function errorResponse(error: unknown, requestId?: string, deps: Pick<Services, "log"> = getServices()): Response {
  const { log } = deps;
  requestId ??= log.requestId() ?? acceptRequestId(null);
  if (isAppError(error)) {
    // Note: refused client input is the client's error, logged as such (never at error level, which pages someone).
    if (error.status < 500) log.info("client error", { status: error.status, code: error.code, message: error.message });
    const headers = error.retryAfterSeconds ? { "retry-after": String(error.retryAfterSeconds) } : undefined;
    return Response.json({ error: { code: error.code, message: error.message, fields: error.fields } }, { status: error.status, headers });
  }
  if (isDatabaseUnavailable(error)) {
    log.warn("the database is not answering", { error });
    return errorResponse(new AppError("unavailable", "Berth's database is not answering: try again in a few seconds", undefined, 5), requestId, deps);
  }
  // Note: an unknown error's message may hold paths or upstream detail; it goes to the log only.
  log.error("unhandled error", { error });
  return Response.json({ error: { code: "internal", message: "Something went wrong", requestId } }, { status: 500 });
}

/** Mutations count per session (a genuine cookie) or, signed out, per address; webhooks per address. */
async function enforceLimit(services: Services, limit: "mutations" | "webhooks", request: Request): Promise<void> {
  const session = limit === "mutations" ? await currentSessionId(services) : null;
  const key = session ? `session:${session}` : `address:${clientAddress(request, services.env.BERTH_TRUSTED_PROXY_HOPS)}`;
  const result = services.rateLimits[limit].take(key);
  if (result.allowed) return;
  services.metrics.rateLimited(limit);
  services.log.warn("rate limited", { limit, client: session ? "session" : key, retryAfterSeconds: result.retryAfterSeconds });
  throw new AppError("rate_limited", "Too many requests: try again shortly", undefined, result.retryAfterSeconds);
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;
/** A route's work, handed this process's services. */
type ServiceHandler<C> = (request: Request, context: C, services: Services) => Promise<Response>;

interface RouteOptions {
  /** Refuse cross-site requests (every mutation). */
  sameOrigin?: boolean;
  /** The token bucket this route draws from. */
  limit?: "mutations" | "webhooks";
}

/**
 * Wraps an API route: a request id (a valid incoming X-Request-Id, else a new
 * one) on every log line and in the X-Request-Id response header, errors as
 * JSON, and the request counted by route template and status. The handler
 * is handed the composition root's services.
 */
export function apiRoute<C>(template: string, handler: ServiceHandler<C>, options: RouteOptions = {}): Handler<C> {
  return async (request, context) => {
    const services = getServices();
    const requestId = acceptRequestId(request.headers.get("x-request-id"));
    const started = performance.now();
    const response = await services.log.withRequestId(requestId, async () => {
      try {
        // Note: PostgreSQL text cannot hold a NUL; refused here, where a path or query value would otherwise reach a query.
        if (/%00/i.test(request.url)) throw new AppError("invalid_input", "The address holds a NUL character (%00)", { url: "no %00 in the path or query" });
        if (options.sameOrigin) assertSameOrigin(request, services.env);
        if (options.limit) await enforceLimit(services, options.limit, request);
        return await handler(request, context, services);
      } catch (error) {
        return errorResponse(error, requestId, services);
      }
    });
    response.headers.set("x-request-id", requestId);
    // Note: API answers are per user (what a session may see) or live; no shared cache or browser history may keep them.
    if (!response.headers.has("cache-control")) response.headers.set("cache-control", "private, no-store");
    const hsts = strictTransportSecurity(services.env);
    if (hsts) response.headers.set("strict-transport-security", hsts);
    services.metrics.httpRequest(template, request.method, response.status, (performance.now() - started) / 1000);
    return response;
  };
}

/** A mutation: same-origin only and rate limited per client. */
export function mutationRoute<C>(template: string, handler: ServiceHandler<C>): Handler<C> {
  return apiRoute(template, handler, { sameOrigin: true, limit: "mutations" });
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

/** The raw body, refused with 413 beyond `maxBytes`, without reading more than that. */
export async function readText(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw new AppError("too_large", `The body is larger than ${maxBytes} bytes`);
  if (!request.body) return "";
  // Note: a chunked body has no length to check up front; stop reading at the limit rather than buffer it all.
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new AppError("too_large", `The body is larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
