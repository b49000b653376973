import type { IncomingMessage, ServerResponse } from "node:http";

export const JSON_TYPE = "application/json; charset=utf-8";

export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Parses a JSON body; `undefined` for an empty one, an `Error` for malformed JSON. */
export function parseJson(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** Form-encoded or JSON, as GitHub's OAuth endpoints accept; query parameters count too. */
export function parseParams(text: string, contentType: string | undefined, url: URL): Record<string, string> {
  const params: Record<string, string> = Object.fromEntries(url.searchParams);
  if (contentType?.includes("application/json")) {
    const json = parseJson(text);
    if (json && typeof json === "object" && !(json instanceof Error)) {
      for (const [key, value] of Object.entries(json)) if (typeof value === "string") params[key] = value;
    }
    return params;
  }
  return { ...params, ...Object.fromEntries(new URLSearchParams(text)) };
}

export function send(response: ServerResponse, status: number, body: string | undefined, headers: Record<string, string> = {}): void {
  response.writeHead(status, body === undefined ? headers : { ...headers, "content-length": String(Buffer.byteLength(body)) });
  response.end(body);
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  send(response, status, body === undefined ? undefined : JSON.stringify(body), { "content-type": JSON_TYPE, ...headers });
}

/** The URL the client called, on the host it called (Link headers must point back there). */
export function requestUrl(request: IncomingMessage, fallbackOrigin: string): URL {
  const host = request.headers.host;
  return new URL(request.url ?? "/", host ? `http://${host}` : fallbackOrigin);
}
