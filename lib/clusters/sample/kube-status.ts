import type { ServerResponse } from "node:http";

/** A metav1.Status failure, as the API server writes every error. */
export function kubeStatus(code: number, reason: string, message: string, details?: Record<string, string>) {
  return { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason, ...(details ? { details } : {}), code };
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json", "content-length": String(Buffer.byteLength(text)) });
  response.end(text);
}

export function sendStatus(response: ServerResponse, code: number, reason: string, message: string, details?: Record<string, string>): void {
  sendJson(response, code, kubeStatus(code, reason, message, details));
}

/** The 410 a too-old resourceVersion or continue token gets (etcd has compacted past it). */
export function expiredStatus(message: string) {
  return kubeStatus(410, "Expired", message);
}
