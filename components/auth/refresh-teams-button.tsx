"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";

async function refreshTeams(): Promise<{ teams: string[] }> {
  const response = await fetch("/api/me/teams", { method: "POST" });
  if (!response.ok) throw new Error(response.status === 401 ? "Your session has ended; sign in again." : "GitHub could not be reached; try again shortly.");
  return response.json();
}

/** Re-reads the viewer's teams from GitHub, then re-renders the page with them. */
export function RefreshTeamsButton() {
  const router = useRouter();
  const mutation = useMutation({ mutationFn: refreshTeams, onSuccess: () => router.refresh() });
  return (
    <div className="space-y-2">
      <button
        type="button"
        onClick={() => mutation.mutate()}
        disabled={mutation.isPending}
        className="rounded bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800 disabled:opacity-60"
      >
        {mutation.isPending ? "Refreshing…" : "Refresh my teams from GitHub"}
      </button>
      <p role="status" className="text-sm">
        {mutation.isSuccess && `Teams refreshed: ${mutation.data.teams.length} team${mutation.data.teams.length === 1 ? "" : "s"}.`}
        {mutation.isError && mutation.error.message}
      </p>
    </div>
  );
}
