import type { ContainerDetail, PodDetail } from "@/lib/clusters/pod-detail";
import type { EventRecord } from "@/lib/clusters/kinds";
import { DataTable } from "@/components/ui/data-table";
import { age } from "./live-query";

const cell = "px-3 py-2";
const section = "space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm";

function Resources({ values }: { values: Record<string, string> }) {
  const entries = Object.entries(values);
  return entries.length === 0 ? <>—</> : <>{entries.map(([k, v]) => `${k} ${v}`).join(", ")}</>;
}

function State({ c, now }: { c: ContainerDetail; now: number }) {
  const since = c.now.since ? ` (${age(c.now.since, now)})` : "";
  return (
    <>
      <span className={c.now.state === "running" ? "" : "font-semibold text-red-900"}>
        {c.now.state}
        {c.now.reason && `: ${c.now.reason}`}
        {c.now.exitCode !== null && `, exit code ${c.now.exitCode}`}
      </span>
      {since}
      {c.now.message && <div className="text-xs text-slate-700">{c.now.message}</div>}
    </>
  );
}

/** A pod's conditions, containers (state, last termination, requests and limits) and events: one section each. */
export function PodDetailView({ pod, events, now }: { pod: PodDetail; events: EventRecord[]; now: number }) {
  return (
    <div className="space-y-4">
      <section aria-labelledby="pod-summary" className={section}>
        <h2 id="pod-summary" className="font-semibold">
          Summary
        </h2>
        <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="font-medium">Phase</dt>
          <dd>
            {pod.deleting ? "Terminating" : pod.phase}
            {pod.reason && ` (${pod.reason}${pod.message ? `: ${pod.message}` : ""})`}
          </dd>
          <dt className="font-medium">Node</dt>
          <dd className="font-mono text-xs">{pod.node ?? "Not scheduled"}</dd>
          <dt className="font-medium">Controlled by</dt>
          <dd className="font-mono text-xs">{pod.owner ?? "—"}</dd>
          <dt className="font-medium">QoS class</dt>
          <dd>{pod.qosClass ?? "—"}</dd>
          <dt className="font-medium">Age</dt>
          <dd>{age(pod.createdAt, now)}</dd>
        </dl>
      </section>

      <section aria-labelledby="pod-conditions" className={section}>
        <h2 id="pod-conditions" className="font-semibold">
          Conditions
        </h2>
        {pod.conditions.length === 0 ? (
          <p className="text-sm">No conditions reported.</p>
        ) : (
          <DataTable caption={`Conditions of pod ${pod.name}`} columns={["Type", "Status", "Reason", "Since"]}>
            {pod.conditions.map((c) => (
              <tr key={c.type} className={c.status === "True" ? undefined : "bg-amber-50"}>
                <th scope="row" className={`${cell} text-left font-medium`}>
                  {c.type}
                </th>
                <td className={cell}>{c.status}</td>
                <td className={cell}>
                  {c.reason ?? "—"}
                  {c.message && <div className="text-xs text-slate-700">{c.message}</div>}
                </td>
                <td className={`${cell} tabular-nums`}>{age(c.since, now)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <section aria-labelledby="pod-containers" className={section}>
        <h2 id="pod-containers" className="font-semibold">
          Containers
        </h2>
        <DataTable
          caption={`Containers of pod ${pod.name}`}
          columns={["Container", "Image", "Ready", "Restarts", "State", "Last termination", "Requests", "Limits"]}
        >
          {pod.containers.map((c) => (
            <tr key={c.name} data-container={c.name}>
              <th scope="row" className={`${cell} text-left font-medium`}>
                {c.name}
                {c.init && <span className="ml-1 rounded bg-slate-100 px-1 text-xs">init</span>}
              </th>
              <td className={`${cell} font-mono text-xs`} title={c.image}>
                {c.tag ?? "latest"}
              </td>
              <td className={cell}>{c.ready ? "Yes" : "No"}</td>
              <td className={`${cell} tabular-nums`}>{c.restarts}</td>
              <td className={cell}>
                <State c={c} now={now} />
              </td>
              <td className={cell} data-last-termination>
                {c.lastTermination ? (
                  <>
                    {c.lastTermination.reason ?? "Terminated"}, exit code {c.lastTermination.exitCode ?? "—"},{" "}
                    {c.lastTermination.finishedAt ? `${age(c.lastTermination.finishedAt, now)} ago` : "—"}
                    {c.lastTermination.message && <div className="text-xs text-slate-700">{c.lastTermination.message}</div>}
                  </>
                ) : (
                  "—"
                )}
              </td>
              <td className={`${cell} font-mono text-xs`}>
                <Resources values={c.requests} />
              </td>
              <td className={`${cell} font-mono text-xs`}>
                <Resources values={c.limits} />
              </td>
            </tr>
          ))}
        </DataTable>
      </section>

      <section aria-labelledby="pod-events" className={section}>
        <h2 id="pod-events" className="font-semibold">
          Events
        </h2>
        {events.length === 0 ? (
          <p className="text-sm">No recent events for this pod.</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {events.map((e) => (
              <li key={e.name} className="py-1.5">
                <span className={`mr-2 rounded px-1.5 text-xs ${e.type === "Warning" ? "bg-amber-100 text-amber-950" : "bg-slate-100"}`}>{e.type}</span>
                <strong>{e.reason}</strong>
                {e.count > 1 && <span className="text-xs"> ×{e.count}</span>} <span className="text-slate-700">{e.message}</span>{" "}
                <span className="text-xs text-slate-700">({age(e.lastSeen, now)} ago)</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
