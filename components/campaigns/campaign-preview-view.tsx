"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { DataTable } from "@/components/ui/data-table";
import { campaignDiffQuery, type CampaignBody, type CampaignPreview, type PreviewTarget } from "./campaign-api";
import { DiffText } from "../requests/diff-text";

const box = "rounded-lg border border-slate-200 bg-white p-4 shadow-sm";

/** One namespace's diff, read when asked for: a preview over thousands of namespaces sends paths, not diffs. */
function TargetDiff({ body, target }: { body: CampaignBody; target: PreviewTarget }) {
  const { operation, answers } = body;
  const diff = useQuery(campaignDiffQuery({ operation, answers, cluster: target.cluster, namespace: target.namespace }));
  if (diff.isPending) return <p className="text-sm">Reading the diff…</p>;
  if (diff.error)
    return (
      <p role="alert" className="text-sm text-rose-800">
        {diff.error.message}
      </p>
    );
  if (diff.data.files.length === 0) return <p className="text-sm">Nothing changes here any more.</p>;
  return (
    <ul className="space-y-3">
      {diff.data.files.map((f) => (
        <li key={f.path}>
          <p className="font-mono text-sm">{f.path}</p>
          <DiffText path={f.path} diff={f.diff} testId="campaign-diff" />
        </li>
      ))}
    </ul>
  );
}

const key = (t: PreviewTarget) => `${t.cluster}/${t.namespace}`;

/** A campaign's preview: the counts, the namespaces that change (each diff on demand), and those skipped or refused, with why. */
export function CampaignPreviewView({ preview, body }: { preview: CampaignPreview; body: CampaignBody }) {
  const [open, setOpen] = useState<string | null>(null);
  const changes = preview.targets.filter((t) => t.outcome === "change");
  const others = preview.targets.filter((t) => t.outcome !== "change");
  return (
    <section aria-labelledby="campaign-preview" className={`${box} space-y-4`}>
      <h2 id="campaign-preview" className="font-semibold">
        Preview at commit <code className="font-mono">{preview.commit.slice(0, 12)}</code>
      </h2>
      <dl data-testid="preview-counts" className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {(
          [
            ["total", "Namespaces selected", preview.total],
            ["change", "Change", preview.change],
            ["skip", "Skipped", preview.skip],
            ["error", "Refused", preview.error],
            ...(preview.blocks !== null ? [["blocks", "Blocks changed", preview.blocks] as const] : []),
          ] as const
        ).map(([key, label, value]) => (
          <div key={key} data-count={key} className="rounded border border-slate-200 p-3">
            <dt className="text-sm text-slate-700">{label}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{value.toLocaleString("en-GB")}</dd>
          </div>
        ))}
      </dl>
      {preview.total === 0 && <p className="text-sm">No namespace matches these filters.</p>}
      {changes.length > 0 && (
        <div className="space-y-2">
          <h3 className="text-sm font-semibold">One pull request each</h3>
          <ul className="space-y-2 text-sm">
            {changes.map((t) => (
              <li key={key(t)} className="rounded border border-slate-200 p-2">
                <div className="flex flex-wrap items-center gap-x-3">
                  <span className="font-medium">{t.namespace}</span>
                  <span className="text-slate-700">{t.cluster}</span>
                  <span className="text-slate-700">{t.files?.map((f) => f.path.split("/").slice(-2).join("/")).join(", ")}</span>
                  <button
                    type="button"
                    aria-expanded={open === key(t)}
                    className="ml-auto text-blue-800 underline"
                    onClick={() => setOpen(open === key(t) ? null : key(t))}
                  >
                    {open === key(t) ? "Hide the diff" : "Show the diff"}
                    <span className="sr-only"> of {t.namespace}</span>
                  </button>
                </div>
                {open === key(t) && (
                  <div className="mt-2">
                    <TargetDiff body={body} target={t} />
                  </div>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {others.length > 0 && (
        <DataTable caption="Namespaces this campaign leaves alone, and why" columns={["Namespace", "Cluster", "Outcome", "Why"]}>
          {others.map((t) => (
            <tr key={key(t)}>
              <th scope="row" className="px-3 py-2 text-left font-medium">
                {t.namespace}
              </th>
              <td className="px-3 py-2">{t.cluster}</td>
              <td className="px-3 py-2">{t.outcome === "skip" ? "Skipped" : "Refused"}</td>
              <td className="px-3 py-2">{t.outcome === "skip" ? t.reason : Object.values(t.errors ?? {}).join("; ")}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
