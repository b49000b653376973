import { createHmac, randomUUID } from "node:crypto";
import { stableId } from "./stable-id";

export interface WebhookDelivery {
  id: number;
  guid: string;
  event: string;
  action: string | null;
  url: string;
  redelivery: boolean;
  deliveredAt: string;
  /** null while the POST is in flight; 0 when the receiver could not be reached. */
  status: number | null;
  error: string | null;
  headers: Record<string, string>;
  body: string;
}

/**
 * The repository's one webhook. Deliveries leave after the REST response
 * (never blocking it), one at a time in the order the events happened, and
 * are kept with the receiver's status so tests can read and replay them.
 */
export function createWebhooks(hookTarget: { repositoryId: number }) {
  let hook: { id: number; url: string; secret: string } | undefined;
  const deliveries: WebhookDelivery[] = [];
  let queue: Promise<void> = Promise.resolve();
  let nextId = 1;

  const send = (delivery: WebhookDelivery): void => {
    deliveries.push(delivery);
    queue = queue.then(async () => {
      try {
        const response = await fetch(delivery.url, { method: "POST", headers: delivery.headers, body: delivery.body, signal: AbortSignal.timeout(10_000) });
        await response.arrayBuffer();
        delivery.status = response.status;
      } catch (error) {
        delivery.status = 0;
        delivery.error = error instanceof Error ? error.message : String(error);
      }
    });
  };

  return {
    configure(url: string, secret: string) {
      hook = { id: stableId("hook", url), url, secret };
    },
    remove() {
      hook = undefined;
    },
    /** Queues a delivery when a hook is configured; returns at once. */
    emit(event: string, payload: Record<string, unknown>): void {
      if (!hook) return;
      const body = JSON.stringify(payload);
      const guid = randomUUID();
      const signature = (algorithm: "sha1" | "sha256") =>
        `${algorithm}=${createHmac(algorithm, hook?.secret ?? "")
          .update(body)
          .digest("hex")}`;
      const headers: Record<string, string> = {
        accept: "*/*",
        "content-type": "application/json",
        "user-agent": "GitHub-Hookshot/fake0001",
        "x-github-event": event,
        "x-github-delivery": guid,
        "x-github-hook-id": String(hook.id),
        "x-github-hook-installation-target-id": String(hookTarget.repositoryId),
        "x-github-hook-installation-target-type": "repository",
        ...(hook.secret ? { "x-hub-signature": signature("sha1"), "x-hub-signature-256": signature("sha256") } : {}),
      };
      const action = typeof payload.action === "string" ? payload.action : null;
      send({
        id: nextId++,
        guid,
        event,
        action,
        url: hook.url,
        redelivery: false,
        deliveredAt: new Date().toISOString(),
        status: null,
        error: null,
        headers,
        body,
      });
    },
    /** Sends a delivery again byte for byte, same X-GitHub-Delivery, as GitHub's "Redeliver" does. */
    redeliver(id: number): WebhookDelivery | undefined {
      const original = deliveries.find((delivery) => delivery.id === id);
      if (!original) return undefined;
      const again = { ...original, id: nextId++, redelivery: true, deliveredAt: new Date().toISOString(), status: null, error: null };
      send(again);
      return again;
    },
    deliveries: () => deliveries.map((delivery) => ({ ...delivery })),
    /** Resolves when every queued delivery has been answered. */
    settled: () => queue,
  };
}

export type Webhooks = ReturnType<typeof createWebhooks>;
