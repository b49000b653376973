"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { requestAction } from "./request-api";

const LABELS = { retry: "Retry opening the pull request", approve: "Approve", merge: "Merge" } as const;

/** Buttons for what the viewer may do with a request; the page re-renders with the new state. */
export function RequestActions({ id, actions }: { id: string; actions: ("retry" | "approve" | "merge")[] }) {
  const router = useRouter();
  const mutation = useMutation({ mutationFn: (action: "retry" | "approve" | "merge") => requestAction(id, action), onSuccess: () => router.refresh() });
  if (actions.length === 0) return null;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-3">
        {actions.map((action) => (
          <button
            key={action}
            type="button"
            disabled={mutation.isPending}
            onClick={() => mutation.mutate(action)}
            className="rounded bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800 disabled:opacity-60"
          >
            {LABELS[action]}
          </button>
        ))}
      </div>
      <p role="status" className="text-sm text-rose-800">
        {mutation.error?.message}
      </p>
    </div>
  );
}

/** Re-renders the page every few seconds while a request is still moving (webhooks and the poller update it). */
export function AutoRefresh({ seconds }: { seconds: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), seconds * 1000);
    return () => clearInterval(timer);
  }, [router, seconds]);
  return null;
}
