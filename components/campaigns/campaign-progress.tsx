"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { StateBadge } from "../requests/state-badge";
import { DataTable } from "../ui/data-table";
import { changeText, filterText } from "./campaign-text";
import { campaignAction, campaignQuery, COUNT_LABELS, retryTarget, type CampaignAction, type CampaignTarget, type CampaignView } from "./campaign-api";

const CAMPAIGN_STATES: Record<string, { text: string; className: string }> = {
  running: { text: "Running", className: "bg-sky-100 text-sky-900" },
  paused: { text: "Paused", className: "bg-amber-100 text-amber-900" },
  cancelled: { text: "Cancelled", className: "bg-slate-200 text-slate-900" },
  finished: { text: "Finished", className: "bg-emerald-100 text-emerald-900" },
};

export function CampaignStateBadge({ state }: { state: string }) {
  const style = CAMPAIGN_STATES[state] ?? { text: state, className: "bg-slate-200 text-slate-900" };
  return <span className={`whitespace-nowrap rounded px-2 py-0.5 text-sm ${style.className}`}>{style.text}</span>;
}

const TARGET_STATES: Record<string, string> = {
  pending: "Not opened yet",
  skipped: "Skipped",
  opening: "Opening",
  opened: "Opened",
  failed: "Failed",
  cancelled: "Cancelled",
};

const button = "rounded px-4 py-2 text-sm font-semibold disabled:opacity-60";

function TargetRow({ target, reviewer, onRetry, retrying }: { target: CampaignTarget; reviewer: boolean; onRetry: () => void; retrying: boolean }) {
  return (
    <tr data-testid="campaign-target" data-namespace={target.namespace} data-state={target.state} data-request-state={target.requestState ?? ""}>
      <th scope="row" className="px-3 py-2 text-left font-medium">
        <Link href={`/namespaces/${encodeURIComponent(target.cluster)}/${encodeURIComponent(target.namespace)}`} className="text-blue-800 underline">
          {target.namespace}
        </Link>
        <span className="block text-xs font-normal text-slate-700">{target.cluster}</span>
      </th>
      <td className="px-3 py-2">{TARGET_STATES[target.state] ?? target.state}</td>
      <td className="px-3 py-2">
        {target.requestId ? (
          <span className="flex flex-wrap items-center gap-2">
            <Link href={`/requests/${target.requestId}`} className="text-blue-800 underline">
              Request {target.requestId}
            </Link>
            {target.requestState && <StateBadge state={target.requestState} />}
            {target.prUrl && (
              <a href={target.prUrl} className="text-blue-800 underline">
                Pull request<span className="sr-only"> of {target.namespace}</span>
              </a>
            )}
          </span>
        ) : (
          "None"
        )}
      </td>
      <td className="px-3 py-2">{target.reason ?? ""}</td>
      <td className="px-3 py-2 tabular-nums">{target.attempts}</td>
      {reviewer && (
        <td className="px-3 py-2">
          {target.state === "failed" && (
            <button type="button" disabled={retrying} onClick={onRetry} className="text-blue-800 underline disabled:opacity-60">
              Retry<span className="sr-only"> {target.namespace}</span>
            </button>
          )}
        </td>
      )}
    </tr>
  );
}

/**
 * A campaign's progress, kept current by polling while anything in it moves: the counts, each namespace's state and
 * its request's, and (for platform reviewers) pause, resume, cancel and a retry of each failed namespace.
 */
export function CampaignProgress({ id, initial, reviewer }: { id: string; initial?: CampaignView; reviewer: boolean }) {
  const client = useQueryClient();
  const query = useQuery({ ...campaignQuery(id), initialData: initial });
  const [confirmCancel, setConfirmCancel] = useState(false);
  const refresh = () => client.invalidateQueries({ queryKey: campaignQuery(id).queryKey });
  const action = useMutation({ mutationFn: (a: CampaignAction) => campaignAction(id, a), onSettled: refresh, onSuccess: () => setConfirmCancel(false) });
  const retry = useMutation({ mutationFn: (t: CampaignTarget) => retryTarget(id, t), onSettled: refresh });
  if (!query.data)
    return query.error ? (
      <p role="alert" className="text-sm text-rose-800">
        {query.error.message}
      </p>
    ) : (
      <p className="text-sm">Reading the campaign…</p>
    );
  const { campaign, counts, targets } = query.data;
  const open = counts.opened + counts.approved;
  const active = campaign.state === "running" || campaign.state === "paused";
  // A finished campaign may still have pull requests open: cancelling it closes them.
  const cancellable = active || (campaign.state === "finished" && open > 0);

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{campaign.title}</h1>
      <p className="text-sm">
        {changeText(campaign.operation, campaign.answers)}, in {filterText(campaign.filter)}; started by {campaign.createdBy} on{" "}
        {campaign.createdAt.slice(0, 16).replace("T", " ")}.
      </p>
      <p className="flex flex-wrap items-center gap-3 text-sm">
        <span role="status" data-testid="campaign-state" data-state={campaign.state}>
          <CampaignStateBadge state={campaign.state} />
        </span>
        <span>
          {campaign.prsPerMinute} pull request{campaign.prsPerMinute === 1 ? "" : "s"} a minute at most
        </span>
      </p>
      <section aria-labelledby="campaign-counts">
        <h2 id="campaign-counts" className="mb-2 font-semibold">
          Progress
        </h2>
        <dl data-testid="campaign-counts" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
          {Object.entries(COUNT_LABELS).map(([key, label]) => (
            <div key={key} data-count={key} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
              <dt className="text-sm text-slate-700">{label}</dt>
              <dd className="text-2xl font-semibold tabular-nums">{counts[key as keyof typeof COUNT_LABELS] ?? 0}</dd>
            </div>
          ))}
        </dl>
      </section>
      {reviewer && cancellable && (
        <section aria-labelledby="campaign-actions" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h2 id="campaign-actions" className="font-semibold">
            Control
          </h2>
          <div className="flex flex-wrap items-center gap-3">
            {campaign.state === "running" && (
              <button type="button" disabled={action.isPending} onClick={() => action.mutate("pause")} className={`${button} bg-slate-200 text-slate-900`}>
                Pause
              </button>
            )}
            {campaign.state === "paused" && (
              <button type="button" disabled={action.isPending} onClick={() => action.mutate("resume")} className={`${button} bg-blue-700 text-white`}>
                Resume
              </button>
            )}
            {!confirmCancel ? (
              <button type="button" onClick={() => setConfirmCancel(true)} className={`${button} bg-rose-700 text-white`}>
                Cancel the campaign
              </button>
            ) : (
              <span className="flex flex-wrap items-center gap-3">
                <span className="text-sm">
                  Namespaces not opened yet are cancelled and {open} open pull request{open === 1 ? " is" : "s are"} closed with a comment naming this campaign.
                </span>
                <button type="button" disabled={action.isPending} onClick={() => action.mutate("cancel")} className={`${button} bg-rose-700 text-white`}>
                  Yes, cancel it
                </button>
                <button type="button" onClick={() => setConfirmCancel(false)} className="text-sm text-blue-800 underline">
                  Keep it running
                </button>
              </span>
            )}
          </div>
          {action.error && (
            <p role="alert" className="text-sm text-rose-800">
              {action.error.message}
            </p>
          )}
        </section>
      )}
      {retry.error && (
        <p role="alert" className="text-sm text-rose-800">
          {retry.error.message}
        </p>
      )}
      <DataTable
        caption="Each namespace of the campaign, its state and its request"
        columns={["Namespace", "State", "Request", "Why", "Attempts", reviewer ? "Action" : ""].filter(Boolean)}
      >
        {targets.map((t) => (
          <TargetRow
            key={`${t.cluster}/${t.namespace}`}
            target={t}
            reviewer={reviewer}
            onRetry={() => retry.mutate(t)}
            retrying={retry.isPending && retry.variables?.namespace === t.namespace}
          />
        ))}
      </DataTable>
    </div>
  );
}
