import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import type { KubeConfig } from "@kubernetes/client-node";
import { KubeApiError } from "./cluster-source";

/**
 * A GET to the API server with the kubeconfig's credentials, CA and TLS
 * settings, resolved with the response once a 200's headers arrive (or a
 * 204's, with `noContent`); any
 * other status is a KubeApiError with the Status's message (never the body
 * itself). `timeoutMs` bounds silence on the socket; `signal` aborts it.
 */
export async function kubeGet(
  config: KubeConfig,
  path: string,
  options: { accept: string; timeoutMs: number; signal?: AbortSignal; noContent?: boolean },
): Promise<IncomingMessage> {
  const server = config.getCurrentCluster()?.server;
  if (!server) throw new KubeApiError("the kubeconfig context names no cluster", null);
  const url = new URL(server.replace(/\/$/, "") + path);
  const requestOptions: https.RequestOptions = { method: "GET", headers: { Accept: options.accept } };
  await config.applyToHTTPSOptions(requestOptions);
  return new Promise((resolve, reject) => {
    const request = (url.protocol === "http:" ? http : https).request(
      url,
      { ...requestOptions, timeout: options.timeoutMs, signal: options.signal },
      (response) => {
        if (response.statusCode === 200 || (options.noContent && response.statusCode === 204)) return resolve(response);
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () =>
          reject(new KubeApiError(statusMessage(Buffer.concat(chunks).toString("utf8"), response.statusCode), response.statusCode ?? null)),
        );
      },
    );
    request.on("timeout", () => request.destroy(new Error(`no answer within ${options.timeoutMs / 1000}s`)));
    request.on("error", reject);
    request.end();
  });
}

/** A Status object's message (never the body itself: a body may be a Secret list). */
function statusMessage(body: string, status: number | undefined): string {
  try {
    const parsed = JSON.parse(body) as { kind?: string; message?: string };
    if (parsed.kind === "Status" && parsed.message) return parsed.message;
  } catch {
    // not JSON: fall through to the status alone
  }
  return `the API server answered ${status ?? "without a status"}`;
}
