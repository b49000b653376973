import { get } from "node:http";
import { createInterface } from "node:readline";
import type { KubeObject } from "../kube-object";

export interface WatchEvent {
  type: string;
  object: KubeObject & Record<string, unknown>;
}

/** Test helper: a raw watch over node:http, collecting events and resolving waits on them. */
export interface WatchStream {
  /** The response's status code (resolves once headers arrive). */
  status: Promise<number>;
  events: WatchEvent[];
  /** The first event, received or still to come, that matches. */
  next(match: (event: WatchEvent) => boolean): Promise<WatchEvent>;
  /** "end" when the server ended the stream cleanly, "error" when the connection broke. */
  ended: Promise<"end" | "error">;
  close(): void;
}

export function watchStream(url: string, token?: string): WatchStream {
  const events: WatchEvent[] = [];
  const waiters: { match: (event: WatchEvent) => boolean; resolve: (event: WatchEvent) => void }[] = [];
  let setStatus: (code: number) => void = () => {};
  let setEnded: (how: "end" | "error") => void = () => {};
  const status = new Promise<number>((resolve) => (setStatus = resolve));
  const ended = new Promise<"end" | "error">((resolve) => (setEnded = resolve));
  const request = get(url, { headers: token ? { authorization: `Bearer ${token}` } : {} }, (response) => {
    setStatus(response.statusCode ?? 0);
    response.on("aborted", () => setEnded("error"));
    response.on("error", () => setEnded("error"));
    response.on("end", () => setEnded(response.complete ? "end" : "error"));
    const lines = createInterface({ input: response });
    // readline re-emits the response's errors; "ended" reports them.
    lines.on("error", () => setEnded("error"));
    lines.on("line", (line) => {
      const event = JSON.parse(line) as WatchEvent;
      events.push(event);
      for (const waiter of waiters.filter((w) => w.match(event))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(event);
      }
    });
  });
  request.on("error", () => {
    setStatus(0);
    setEnded("error");
  });
  return {
    status,
    events,
    ended,
    next: (match) => {
      const seen = events.find(match);
      return seen ? Promise.resolve(seen) : new Promise((resolve) => waiters.push({ match, resolve }));
    },
    close: () => request.destroy(),
  };
}
