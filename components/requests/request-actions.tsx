"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FieldErrors, requestAction, type RequestAction } from "./request-api";

const LABELS: Record<RequestAction, string> = {
  retry: "Retry opening the pull request",
  approve: "Approve",
  request_changes: "Request changes",
  merge: "Merge",
  revise: "Revise the request",
  withdraw: "Withdraw the request",
  close: "Close the request",
};

/** Buttons for what the viewer may do with a request; the page re-renders with the new state. */
export function RequestActions({ id, actions, headSha }: { id: string; actions: RequestAction[]; headSha: string | null }) {
  const router = useRouter();
  const [comment, setComment] = useState("");
  const mutation = useMutation({ mutationFn: (action: RequestAction) => requestAction(id, action, comment, headSha), onSuccess: () => router.refresh() });
  if (actions.length === 0) return null;
  const reviewing = actions.includes("approve") || actions.includes("request_changes") || actions.includes("close");
  const error = mutation.error instanceof FieldErrors ? Object.values(mutation.error.fields).join("; ") : mutation.error?.message;
  return (
    <div className="space-y-2">
      {reviewing && (
        <div className="flex max-w-2xl flex-col gap-1">
          <label htmlFor="review-comment" className="text-sm font-medium">
            Review comment
          </label>
          <textarea
            id="review-comment"
            rows={3}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            aria-describedby="review-comment-hint"
            className="rounded border border-slate-500 px-2 py-1.5 text-sm"
          />
          <span id="review-comment-hint" className="text-xs text-slate-700">
            Required when requesting changes or closing; posted with your review, or as the reason the request is closed.
          </span>
        </div>
      )}
      <div className="flex flex-wrap gap-3">
        {actions.includes("revise") && (
          <Link href={`/requests/${id}/revise`} className="rounded bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800">
            {LABELS.revise}
          </Link>
        )}
        {actions
          .filter((action) => action !== "revise")
          .map((action) => (
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
        {error}
      </p>
    </div>
  );
}
