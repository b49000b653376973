import type { LiveDeployment } from "@/lib/clusters/namespace-status";
import { DataTable } from "@/components/ui/data-table";
import { age } from "./live-query";

const cell = "px-3 py-2";

/** Each deployment's ReplicaSets as revisions (newest first), and why its rollout is stuck. */
export function RolloutHistory({ deployments, now }: { deployments: LiveDeployment[]; now: number }) {
  return (
    <div className="space-y-3">
      {deployments.map((d) => (
        <details key={d.name} open={d.stuck.length > 0} className="rounded border border-slate-200 p-2" data-rollout={d.name}>
          <summary className="cursor-pointer text-sm font-medium">
            {d.name}: {d.revisions.length} revision{d.revisions.length === 1 ? "" : "s"}
            {d.stuck.length > 0 && <span className="ml-2 rounded bg-red-100 px-1.5 text-xs text-red-900">Rollout stuck</span>}
          </summary>
          {d.stuck.length > 0 && (
            <ul className="mt-2 list-disc pl-5 text-sm text-red-950" aria-label={`Why the rollout of ${d.name} is stuck`}>
              {d.stuck.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          )}
          {d.revisions.length > 0 && (
            <div className="mt-2">
              <DataTable caption={`Rollout history of ${d.name}`} columns={["Revision", "ReplicaSet", "Images", "Created", "Pods ready"]}>
                {d.revisions.map((r) => (
                  <tr key={r.replicaSet} className={r.current ? "bg-sky-50" : undefined}>
                    <th scope="row" className={`${cell} text-left tabular-nums`}>
                      {r.revision ?? "—"}
                      {r.current && <span className="ml-2 rounded bg-sky-100 px-1.5 text-xs text-sky-900">Current</span>}
                    </th>
                    <td className={`${cell} font-mono text-xs`}>{r.replicaSet}</td>
                    <td className={`${cell} font-mono text-xs`}>
                      {r.images.map((i) => (
                        <div key={i.container} title={i.image}>
                          {i.container}: {i.tag ?? "latest"}
                        </div>
                      ))}
                    </td>
                    <td className={`${cell} tabular-nums`}>{r.createdAt ? `${age(r.createdAt, now)} ago` : "—"}</td>
                    <td className={`${cell} tabular-nums`}>
                      {r.ready}/{r.desired}
                    </td>
                  </tr>
                ))}
              </DataTable>
            </div>
          )}
        </details>
      ))}
    </div>
  );
}
