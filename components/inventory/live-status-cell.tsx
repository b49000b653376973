"use client";

import { useQuery } from "@tanstack/react-query";
import { inventoryLiveQuery, type LiveSummary } from "./inventory-live-query";

const STATUS_LABELS: Record<LiveSummary["status"], { text: string; className: string }> = {
  live: { text: "Live", className: "bg-green-100 text-green-900" },
  missing: { text: "Missing from cluster", className: "bg-red-100 text-red-900" },
  terminating: { text: "Terminating", className: "bg-amber-100 text-amber-900" },
  unknown: { text: "Unknown", className: "bg-slate-100 text-slate-800" },
};

/**
 * A row's state in its cluster (the status and unhealthy-deployment cells), refreshed without a reload: every
 * row of a page reads the one polled query (TanStack Query shares it), showing the server's first answer until it arrives.
 */
export function LiveStatusCells({ rowKey, queryString, initial }: { rowKey: string; queryString: string; initial: LiveSummary | undefined }) {
  const { data } = useQuery(inventoryLiveQuery(queryString));
  const live = data?.[rowKey] ?? initial;
  const status = STATUS_LABELS[live?.status ?? "unknown"];
  const unhealthy = live?.unhealthyDeployments ?? 0;
  return (
    <>
      <td className="px-3 py-2" data-status={live?.status ?? "unknown"}>
        <span className={`whitespace-nowrap rounded px-1.5 text-xs ${status.className}`}>
          {status.text}
          {live?.reason ? ` (${live.reason})` : ""}
        </span>
        {unhealthy > 0 && (
          // The unhealthy column is hidden on a phone; the count is said here instead.
          <span className="block text-xs text-red-800 md:hidden">
            {unhealthy} unhealthy {unhealthy === 1 ? "deployment" : "deployments"}
          </span>
        )}
      </td>
      <td className={`hidden px-3 py-2 tabular-nums md:table-cell ${unhealthy > 0 ? "font-semibold text-red-800" : ""}`} data-unhealthy={unhealthy}>
        {unhealthy}
      </td>
    </>
  );
}
