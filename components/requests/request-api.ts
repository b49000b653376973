/** Client-side calls to the request routes, shared by the form and the request page. */

import type { CheckResult } from "@/lib/environments/checks/change";
import type { ReviewForecast } from "@/lib/environments/checks/review-forecast";

export interface Preview {
  fields: Record<string, string>;
  checks: CheckResult[];
  files: { path: string; content: string }[];
  review: ReviewForecast | null;
}

export class FieldErrors extends Error {
  constructor(readonly fields: Record<string, string>) {
    super("The request has errors");
  }
}

/** POSTs JSON to one of Berth's routes (the browser sends the session cookie and its origin). */
export async function post(url: string, body: unknown): Promise<Response> {
  return fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

/** The error a failed answer stands for: FieldErrors for a 422 naming fields, else its message with the request's reference. */
export async function failure(response: Response): Promise<Error> {
  const json = (await response.json().catch(() => null)) as { error?: { message?: string; fields?: Record<string, string>; requestId?: string } } | null;
  if (response.status === 422 && json?.error?.fields) return new FieldErrors(json.error.fields);
  const reference = json?.error?.requestId ? ` (reference ${json.error.requestId})` : "";
  return new Error(`${json?.error?.message ?? `Berth answered ${response.status}`}${reference}`);
}

/** TanStack Query options for the live preview of a form's answers (`revising`: the request a revision revises). */
export function previewQuery(answers: Record<string, unknown>, revising?: string) {
  return {
    queryKey: ["request-preview", answers, revising ?? null] as const,
    queryFn: async (): Promise<Preview> => {
      const response = await post(revising ? `/api/requests/preview?revising=${encodeURIComponent(revising)}` : "/api/requests/preview", answers);
      if (!response.ok) throw await failure(response);
      return response.json();
    },
    staleTime: 30_000,
  };
}

export async function submitNamespaceRequest(answers: Record<string, unknown>): Promise<{ id: string; url: string }> {
  const response = await post("/api/requests", answers);
  if (!response.ok) throw await failure(response);
  return response.json();
}

export type RequestAction = "retry" | "approve" | "request_changes" | "merge" | "mark_applied" | "revise" | "withdraw" | "close";

/** `headSha` is the head commit the page showed: an approval carries it, and is refused if the branch moved since. */
export async function requestAction(id: string, action: RequestAction, comment = "", headSha: string | null = null): Promise<void> {
  const response =
    action === "retry" || action === "withdraw"
      ? await post(`/api/requests/${id}/${action}`, {})
      : action === "close"
        ? await post(`/api/requests/${id}/close`, { reason: comment })
        : await post(`/api/requests/${id}/review`, { action, comment, ...(headSha ? { headSha } : {}) });
  if (!response.ok) throw await failure(response);
}

/** Sends a request's revised answers; the same answers a new request's form sends. */
export async function reviseRequest(id: string, answers: unknown): Promise<{ id: string; url: string }> {
  const response = await post(`/api/requests/${id}/revise`, answers);
  if (!response.ok) throw await failure(response);
  return response.json();
}
