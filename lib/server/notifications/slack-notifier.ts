import { slackMessage, type RequestNotice } from "./slack-message";

/** Tells people about request events; a failure throws, and the caller logs it. */
export interface Notifier {
  notify(notice: RequestNotice): Promise<void>;
}

/**
 * Posts to a Slack incoming webhook. Note: the URL is the secret; it is never
 * in an error or a log line (errors say only what Slack answered).
 */
export function createSlackNotifier(options: { url: string; publicUrl: string | null; timeoutMs?: number; fetch?: typeof fetch }): Notifier {
  const send = options.fetch ?? fetch;
  return {
    async notify(notice) {
      const response = await send(options.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(slackMessage(notice, options.publicUrl)),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        redirect: "error",
      }).catch((error: unknown) => {
        throw new Error(`Slack did not answer (${error instanceof Error ? error.name : "error"})`);
      });
      if (!response.ok) throw new Error(`Slack answered ${response.status}: ${(await response.text().catch(() => "")).slice(0, 100)}`);
    },
  };
}
