"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";

async function refresh(id: string): Promise<void> {
  const response = await fetch(`/api/requests/${id}/refresh`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
  if (response.ok) return;
  const json = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  throw new Error(json?.error?.message ?? `Berth answered ${response.status}`);
}

/** Asks Berth to read the pull request from GitHub now; the page re-renders with the new snapshot. */
export function RefreshPullRequest({ id }: { id: string }) {
  const router = useRouter();
  const mutation = useMutation({ mutationFn: () => refresh(id), onSuccess: () => router.refresh() });
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        disabled={mutation.isPending}
        onClick={() => mutation.mutate()}
        className="rounded border border-blue-700 px-3 py-1 text-sm font-semibold text-blue-800 hover:bg-blue-50 disabled:opacity-60"
      >
        {mutation.isPending ? "Reading GitHub…" : "Refresh from GitHub"}
      </button>
      <span role="status" className="text-sm text-rose-800">
        {mutation.error?.message}
      </span>
    </span>
  );
}
