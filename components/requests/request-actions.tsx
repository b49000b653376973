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
  mark_applied: "Mark as applied",
  revise: "Revise the request",
  withdraw: "Withdraw the request",
  close: "Close the request",
};

/** The safe default of each choice carries the primary weight; the others are secondary. */
const PRIMARY: ReadonlySet<RequestAction> = new Set(["approve", "merge", "mark_applied", "retry"]);
const WEIGHT = {
  primary: "rounded bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800 disabled:opacity-60",
  secondary: "rounded border border-slate-600 bg-white px-4 py-2 text-sm font-semibold text-slate-900 hover:bg-slate-100 disabled:opacity-60",
};

/** Buttons for what the viewer may do with a request, primary ones first; the page re-renders with the new state. */
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
          <Link href={`/requests/${id}/revise`} data-weight="primary" className={WEIGHT.primary}>
            {LABELS.revise}
          </Link>
        )}
        {[...actions.filter((a) => PRIMARY.has(a)), ...actions.filter((a) => !PRIMARY.has(a) && a !== "revise")].map((action) => (
          <button
            key={action}
            type="button"
            disabled={mutation.isPending}
            onClick={() => mutation.mutate(action)}
            data-weight={PRIMARY.has(action) ? "primary" : "secondary"}
            className={WEIGHT[PRIMARY.has(action) ? "primary" : "secondary"]}
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
