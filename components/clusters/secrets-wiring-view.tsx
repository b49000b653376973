import type { CheckedReference, SecretsWiring } from "@/lib/clusters/secrets-wiring";
import { DataTable } from "@/components/ui/data-table";
import { EnvSnippetEditor } from "./env-snippet-editor";

const cell = "px-3 py-2";

/** How a reference reads its object: `env DB_HOST <- key host`, `envFrom`, `volume certs`. */
function how(r: CheckedReference): string {
  const key = r.key === null ? "every key" : `key ${r.key}`;
  if (r.via === "env") return `env ${r.as} ← ${key} (${r.container})`;
  if (r.via === "envFrom") return `envFrom${r.as ? ` prefix ${r.as}` : ""} (${r.container})`;
  if (r.via === "volume") return `volume ${r.as}, ${key}`;
  return "imagePullSecret";
}

function Problem({ r }: { r: CheckedReference }) {
  if (r.problem === null) return r.optional ? <span className="text-xs text-slate-700"> (optional)</span> : null;
  const what = r.problem === "missing-key" ? `No key ${r.key} in ${r.kind} ${r.name}` : `No ${r.kind} ${r.name}`;
  return (
    <strong className="ml-1 rounded bg-red-100 px-1.5 text-xs font-semibold text-red-900" data-problem={r.problem}>
      {what}: pods fail with CreateContainerConfigError
    </strong>
  );
}

/** Per AWS resource the Secret it writes and who reads it; per deployment every Secret and ConfigMap it reads; Secrets nobody reads. */
export function SecretsWiringView({ wiring, namespace }: { wiring: SecretsWiring; namespace: string }) {
  return (
    <div className="space-y-4" id="wiring">
      <h3 className="font-semibold">Secrets wiring</h3>
      <h4 className="text-sm font-semibold">AWS resources&apos; Secrets</h4>
      {wiring.resources.length === 0 ? (
        <p className="text-sm">No kubernetes_secret block in this namespace&apos;s Terraform.</p>
      ) : (
        <ul className="space-y-3 text-sm">
          {wiring.resources.map((r) => (
            <li key={`${r.file}/${r.label}`} className="rounded border border-slate-200 p-3" data-resource={r.label}>
              <div>
                <strong className="font-mono">{r.modules.join(", ") || r.label}</strong> writes Secret{" "}
                <code className="font-mono">{r.secret ?? "(a name Berth cannot read: an expression)"}</code> with keys{" "}
                <span className="font-mono text-xs">{r.keys.join(", ") || "—"}</span> <span className="text-xs text-slate-700">({r.file})</span>
              </div>
              <div className="mt-1" data-cluster-state>
                {r.cluster === null ? (
                  <span className="text-slate-700">Not created (count = 0 or a computed name).</span>
                ) : !r.cluster.exists ? (
                  <span className="rounded bg-amber-100 px-1.5 text-amber-950">Not in the cluster yet</span>
                ) : r.cluster.missingKeys.length > 0 ? (
                  <span className="rounded bg-amber-100 px-1.5 text-amber-950">In the cluster without keys {r.cluster.missingKeys.join(", ")}</span>
                ) : (
                  <span className="rounded bg-emerald-100 px-1.5 text-emerald-900">In the cluster with every key</span>
                )}
              </div>
              <div className="mt-1">
                {r.usedBy.length === 0 ? (
                  <span className="text-slate-700">No deployment reads it.</span>
                ) : (
                  <ul className="list-disc pl-5">
                    {r.usedBy.map((u) => (
                      <li key={u.deployment}>
                        <strong>{u.deployment}</strong>:{" "}
                        {u.refs.map((ref, i) => (
                          <span key={i}>
                            {i > 0 && "; "}
                            {how(ref)}
                            <Problem r={ref} />
                          </span>
                        ))}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
              {r.secret !== null && r.keys.length > 0 && <EnvSnippetEditor secret={r.secret} keys={r.keys} />}
            </li>
          ))}
        </ul>
      )}

      <h4 className="text-sm font-semibold">What each deployment reads</h4>
      {wiring.deployments.length === 0 ? (
        <p className="text-sm">No deployments.</p>
      ) : (
        <DataTable caption={`Secrets and ConfigMaps each deployment in ${namespace} reads`} columns={["Deployment", "Reads"]}>
          {wiring.deployments.map((d) => (
            <tr key={d.deployment} className={d.problems > 0 ? "bg-red-50" : undefined} data-wiring-deployment={d.deployment}>
              <th scope="row" className={`${cell} text-left align-top font-medium`}>
                {d.deployment}
              </th>
              <td className={cell}>
                {d.refs.length === 0 ? (
                  "No Secret or ConfigMap"
                ) : (
                  <ul className="space-y-0.5">
                    {d.refs.map((r, i) => (
                      <li key={i}>
                        {r.kind} <span className="font-mono text-xs">{r.name}</span>: {how(r)}
                        <Problem r={r} />
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}

      <h4 className="text-sm font-semibold">Secrets no deployment reads</h4>
      {wiring.unusedSecrets.length === 0 ? (
        <p className="text-sm">None.</p>
      ) : (
        <ul className="list-disc pl-5 text-sm" aria-label="Secrets no deployment reads">
          {wiring.unusedSecrets.map((s) => (
            <li key={s.name} className="font-mono text-xs">
              {s.name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
