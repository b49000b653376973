import type { ClusterHealthJson } from "@/lib/server/cluster-health";

// One formatter for every render: `toLocaleString` with options builds a new ICU formatter each call.
const UTC_DATE_TIME = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", dateStyle: "medium", timeStyle: "medium" });

/**
 * One line on a cluster's data: still connecting, unreachable (and how old the
 * data is), or not configured; nothing while it is live. `live` marks a
 * banner that changes in place (a status region for screen readers).
 */
export function ClusterBanner({ health, live = false }: { health: ClusterHealthJson; live?: boolean }) {
  if (health.state === "synced") return null;
  const when = (iso: string | null) => (iso ? UTC_DATE_TIME.format(new Date(iso)) + " UTC" : null);
  const text =
    health.state === "connecting"
      ? `Connecting to cluster ${health.cluster}…`
      : health.state === "not_configured"
        ? `Cluster ${health.cluster} is not configured: Berth has no credentials for it (${health.reason}), so its namespaces' live status is unknown and it is not compared.`
        : `Cluster ${health.cluster} cannot be reached (${health.reason}). ${health.lastSyncedAt ? `Showing what it reported until ${when(health.lastSyncedAt)}.` : "Berth has no data from it yet."}`;
  return (
    <p
      role={live ? "status" : undefined}
      className={`rounded border px-3 py-2 text-sm ${health.state === "unreachable" ? "border-amber-400 bg-amber-50 text-amber-950" : "border-slate-300 bg-slate-50"}`}
    >
      {text}
    </p>
  );
}
