"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { DataTable } from "@/components/ui/data-table";
import { ClusterBanner } from "./cluster-banner";
import { age, namespaceLiveQuery, type NamespaceLiveView } from "./live-query";
import { RolloutHistory } from "./rollout-history";
import { SecretsWiringView } from "./secrets-wiring-view";

const cell = "px-3 py-2";
// Note: one formatter for every render; `toLocaleTimeString` with options builds a new ICU formatter each call (about 1 ms on the server).
const UTC_TIME = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", hour: "numeric", minute: "numeric", second: "numeric" });
const ROLLOUT: Record<string, string> = { complete: "Complete", progressing: "Rolling out", failed: "Failed", paused: "Paused" };

/** A namespace's deployments and their rollout history, pods, secrets (keys only) and their wiring, events and quota, refreshed from Berth's cluster cache. */
export function NamespaceLiveStatus({ cluster, name, initial }: { cluster: string; name: string; initial: NamespaceLiveView }) {
  const { data, error } = useQuery({ ...namespaceLiveQuery(cluster, name), initialData: initial });
  const now = Date.parse(data.at);
  const { live } = data;
  return (
    <section aria-labelledby="live" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="live" className="font-semibold">
          Live in cluster {cluster}
        </h2>
        <p className="text-xs text-slate-700">{error ? `Refresh failed: ${error.message}` : `Updated ${UTC_TIME.format(new Date(now))} UTC`}</p>
      </div>
      <ClusterBanner health={data.cluster} live />
      {live && live.phase === null && (
        <p className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-950">This namespace is not in the cluster.</p>
      )}
      {live && live.phase === "Terminating" && (
        <p className="rounded border border-amber-400 bg-amber-50 px-3 py-2 text-sm">This namespace is being deleted.</p>
      )}
      {live && live.phase !== null && (
        <>
          <h3 className="font-semibold">Deployments</h3>
          {live.deployments.length === 0 ? (
            <p className="text-sm">No deployments.</p>
          ) : (
            <DataTable caption={`Deployments in ${name}`} columns={["Name", "Ready", "Up to date", "Available", "Images", "Rollout"]}>
              {live.deployments.map((d) => (
                <tr key={d.name} className={d.healthy ? undefined : "bg-red-50"}>
                  <th scope="row" className={`${cell} text-left font-medium`}>
                    {d.name}
                  </th>
                  <td className={`${cell} tabular-nums`}>
                    {d.ready}/{d.desired}
                  </td>
                  <td className={`${cell} tabular-nums`}>{d.updated}</td>
                  <td className={`${cell} tabular-nums`}>{d.available}</td>
                  <td className={`${cell} font-mono text-xs`}>
                    {d.images.map((i) => (
                      <div key={i.container} title={i.image}>
                        {i.container}: {i.tag ?? "latest"}
                      </div>
                    ))}
                  </td>
                  <td
                    className={cell}
                    title={d.conditions.map((c) => `${c.type}=${c.status}${c.reason ? ` (${c.reason})` : ""}${c.message ? `: ${c.message}` : ""}`).join("\n")}
                  >
                    {ROLLOUT[d.rollout]}
                    {!d.healthy && <span className="ml-2 rounded bg-red-100 px-1.5 text-xs text-red-900">Unhealthy</span>}
                    {d.conditions
                      .filter((c) => c.status !== "True")
                      .map((c) => (
                        <div key={c.type} className="text-xs text-slate-700">
                          {c.type}: {c.reason ?? c.status}
                          {c.message && ` (${c.message})`}
                        </div>
                      ))}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}

          {live.deployments.length > 0 && (
            <>
              <h3 className="font-semibold">Rollout history</h3>
              <RolloutHistory deployments={live.deployments} now={now} />
            </>
          )}

          <h3 className="font-semibold">Pods</h3>
          {live.pods.length === 0 ? (
            <p className="text-sm">No pods.</p>
          ) : (
            <DataTable
              caption={`Pods in ${name}`}
              columns={["Name", "Phase", "Ready", "Restarts", "Last termination", "Age", "Node", ...(data.fullView ? ["Logs"] : [])]}
            >
              {live.pods.map((p) => (
                <tr key={p.name} data-pod={p.name}>
                  <th scope="row" className={`${cell} text-left font-mono text-xs font-normal`}>
                    {data.fullView ? (
                      <Link
                        href={`/namespaces/${encodeURIComponent(cluster)}/${encodeURIComponent(name)}/pods/${encodeURIComponent(p.name)}`}
                        className="text-blue-800 underline"
                      >
                        {p.name}
                      </Link>
                    ) : (
                      p.name
                    )}
                  </th>
                  <td className={cell}>{p.waitingReason ?? (p.deleting ? "Terminating" : p.phase)}</td>
                  <td className={`${cell} tabular-nums`}>
                    {p.readyContainers}/{p.containers}
                  </td>
                  <td className={`${cell} tabular-nums`} data-restarts>
                    {p.restarts}
                  </td>
                  <td className={cell}>{p.lastTerminationReason ?? "—"}</td>
                  <td className={`${cell} tabular-nums`}>{age(p.createdAt, now)}</td>
                  <td className={`${cell} font-mono text-xs`}>{p.node ?? "—"}</td>
                  {data.fullView && (
                    <td className={cell}>
                      <Link
                        href={`/namespaces/${encodeURIComponent(cluster)}/${encodeURIComponent(name)}/pods/${encodeURIComponent(p.name)}/logs`}
                        className="text-blue-800 underline"
                        aria-label={`Logs of ${p.name}`}
                      >
                        Logs
                      </Link>
                    </td>
                  )}
                </tr>
              ))}
            </DataTable>
          )}

          <h3 className="font-semibold">Quota</h3>
          {live.quota.length === 0 ? (
            <p className="text-sm">No resource quota.</p>
          ) : (
            <DataTable caption={`Quota usage in ${name}`} columns={["Resource", "Used", "Hard limit", "Usage"]}>
              {live.quota.map((q) => (
                <tr key={`${q.quota}/${q.resource}`}>
                  <th scope="row" className={`${cell} text-left font-mono text-xs font-normal`}>
                    {q.resource}
                  </th>
                  <td className={`${cell} tabular-nums`}>{q.used}</td>
                  <td className={`${cell} tabular-nums`}>{q.hard}</td>
                  <td className={`${cell} tabular-nums`}>{q.percent === null ? "—" : `${q.percent}%`}</td>
                </tr>
              ))}
            </DataTable>
          )}

          {live.secrets === null || live.events === null ? (
            <p className="text-sm text-slate-700">Secrets and events are shown to the namespace&apos;s owners and platform reviewers.</p>
          ) : (
            <>
              <h3 className="font-semibold">Secrets</h3>
              {live.secrets.length === 0 ? (
                <p className="text-sm">No secrets.</p>
              ) : (
                <DataTable caption={`Secrets in ${name} (names and keys; Berth never reads values)`} columns={["Name", "Type", "Keys", "Age"]}>
                  {live.secrets.map((s) => (
                    <tr key={s.name}>
                      <th scope="row" className={`${cell} text-left font-mono text-xs font-normal`}>
                        {s.name}
                      </th>
                      <td className={`${cell} text-xs`}>{s.type}</td>
                      <td className={`${cell} font-mono text-xs`}>{s.keys.join(", ") || "—"}</td>
                      <td className={`${cell} tabular-nums`}>{age(s.createdAt, now)}</td>
                    </tr>
                  ))}
                </DataTable>
              )}
              {data.wiring && <SecretsWiringView wiring={data.wiring} namespace={name} />}
              <h3 className="font-semibold">Recent events</h3>
              {live.events.length === 0 ? (
                <p className="text-sm">No recent events.</p>
              ) : (
                <ul className="divide-y divide-slate-100 text-sm">
                  {live.events.slice(0, 30).map((e) => (
                    <li key={e.name} className="py-1.5">
                      <span className={`mr-2 rounded px-1.5 text-xs ${e.type === "Warning" ? "bg-amber-100 text-amber-950" : "bg-slate-100"}`}>{e.type}</span>
                      <strong>{e.reason}</strong> <span className="font-mono text-xs">{e.object}</span>
                      {e.count > 1 && <span className="text-xs"> ×{e.count}</span>} <span className="text-slate-700">{e.message}</span>{" "}
                      <span className="text-xs text-slate-700">({age(e.lastSeen, now)} ago)</span>
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
