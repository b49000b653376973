"use client";

import { useEffect, useRef, useState } from "react";

export interface PodLogContainer {
  name: string;
  restarts: number;
  hasPrevious: boolean;
}

/** Lines kept on screen while following; older ones scroll away (the download has them all). */
const MAX_LINES = 5000;

type State = { kind: "idle" } | { kind: "loading" } | { kind: "following" } | { kind: "done" } | { kind: "error"; message: string };

/**
 * A container's log: the last lines, following live (the response is read
 * as it streams), the previous run, and a download. Leaving the page or
 * pressing Stop aborts the fetch, which closes Berth's stream to the cluster.
 */
export function PodLogs({ apiPath, containers }: { apiPath: string; containers: PodLogContainer[] }) {
  const [container, setContainer] = useState(containers[0]?.name ?? "");
  const [tailLines, setTailLines] = useState(500);
  const [previous, setPrevious] = useState(false);
  const [lines, setLines] = useState<string[]>([]);
  const [state, setState] = useState<State>({ kind: "idle" });
  const running = useRef<AbortController | null>(null);
  const output = useRef<HTMLPreElement>(null);

  useEffect(() => () => running.current?.abort(), []);
  useEffect(() => {
    if (output.current) output.current.scrollTop = output.current.scrollHeight;
  }, [lines]);

  const query = (extra: Record<string, string>) =>
    `${apiPath}?${new URLSearchParams({ container, tailLines: String(tailLines), previous: String(previous), ...extra })}`;

  async function read(follow: boolean) {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setLines([]);
    setState({ kind: follow ? "following" : "loading" });
    try {
      const response = await fetch(query({ follow: String(follow) }), { signal: controller.signal, cache: "no-store" });
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        setState({ kind: "error", message: body?.error?.message ?? `Berth answered ${response.status}` });
        return;
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let partial = "";
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        const parts = (partial + value).split("\n");
        partial = parts.pop() ?? "";
        if (parts.length > 0) setLines((old) => [...old, ...parts].slice(-MAX_LINES));
      }
      if (partial) setLines((old) => [...old, partial].slice(-MAX_LINES));
      setState({ kind: "done" });
    } catch (error) {
      if (controller.signal.aborted) setState({ kind: "done" });
      else setState({ kind: "error", message: error instanceof Error ? error.message : String(error) });
    } finally {
      if (running.current === controller) running.current = null;
    }
  }

  const selected = containers.find((c) => c.name === container);
  const following = state.kind === "following";
  return (
    <div className="space-y-3">
      <form
        className="flex flex-wrap items-end gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          void read(false);
        }}
      >
        <label className="flex flex-col text-sm">
          <span className="font-medium">Container</span>
          <select className="rounded border border-slate-400 px-2 py-1" value={container} onChange={(e) => setContainer(e.target.value)}>
            {containers.map((c) => (
              <option key={c.name} value={c.name}>
                {c.name} ({c.restarts} {c.restarts === 1 ? "restart" : "restarts"})
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          <span className="font-medium">Last lines</span>
          <input
            type="number"
            min={1}
            max={100000}
            className="w-28 rounded border border-slate-400 px-2 py-1"
            value={tailLines}
            onChange={(e) => setTailLines(Math.max(1, Number(e.target.value) || 1))}
          />
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={previous} onChange={(e) => setPrevious(e.target.checked)} />
          Previous container (before the last restart)
        </label>
        <button type="submit" className="rounded bg-blue-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-blue-800">
          Show lines
        </button>
        {following ? (
          <button type="button" className="rounded border border-slate-500 px-3 py-1.5 text-sm font-semibold" onClick={() => running.current?.abort()}>
            Stop following
          </button>
        ) : (
          <button type="button" className="rounded border border-blue-700 px-3 py-1.5 text-sm font-semibold text-blue-800" onClick={() => void read(true)}>
            Follow
          </button>
        )}
        <a className="text-sm text-blue-800 underline" href={query({ download: "true" })} download>
          Download
        </a>
      </form>
      {previous && selected && !selected.hasPrevious && (
        <p className="text-sm text-slate-700">This container has not restarted since the pod started: there may be no previous run.</p>
      )}
      <p role="status" className="text-sm text-slate-700">
        {state.kind === "loading" && "Reading…"}
        {state.kind === "following" && `Following ${container}: new lines appear as the container writes them.`}
        {state.kind === "done" && `${lines.length} ${lines.length === 1 ? "line" : "lines"}.`}
      </p>
      {state.kind === "error" && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-950">
          {state.message}
        </p>
      )}
      <pre
        ref={output}
        role="log"
        tabIndex={0}
        aria-label={`Log of ${container}`}
        data-log-lines={lines.length}
        className="max-h-[70vh] min-h-40 overflow-auto rounded bg-slate-950 p-3 font-mono text-xs leading-5 text-slate-100"
      >
        {lines.join("\n")}
      </pre>
    </div>
  );
}
