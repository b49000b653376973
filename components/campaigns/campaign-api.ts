/** Client-side calls to the campaign routes and the TanStack Query options shared by the campaign pages and their hooks. */

import { fetchLiveJson } from "../fetch-live-json";
import { failure, post } from "../requests/request-api";
import { MOVING_STATES } from "../requests/request-state-query";
import type { CampaignPreview, CampaignPreviewTarget } from "@/lib/server/campaigns/preview-campaign-targets";

/**
 * The operations a campaign offers (lib/environments/edit/operations.ts registers them): the edits that make sense with
 * the same answers in many namespaces. Not resource or remove, whose answers name one namespace's module block, nor
 * decommission, which deletes a namespace (the campaign API refuses it).
 */
export const CAMPAIGN_OPERATIONS = [
  { value: "bump-module", label: "Move a module to a version" },
  { value: "default-tags", label: "Add the mandatory default tags" },
  { value: "metadata", label: "Change namespace details (annotations and labels)" },
  { value: "access", label: "Add or remove admin teams" },
] as const;
export type CampaignOperation = (typeof CAMPAIGN_OPERATIONS)[number]["value"];

export function operationText(operation: string): string {
  return CAMPAIGN_OPERATIONS.find((o) => o.value === operation)?.label ?? operation;
}

/** The inventory filters a campaign selects its namespaces by (inventory query parameters). */
export type CampaignFilter = Record<string, string>;

export interface CampaignBody {
  operation: string;
  answers: Record<string, unknown>;
  filter: CampaignFilter;
}

// The preview's answer, typed by the use-case that writes it (a type-only import: nothing of the server is bundled).
export type { CampaignPreview };
export type PreviewTarget = CampaignPreviewTarget;

export type CampaignState = "running" | "paused" | "cancelled" | "finished";
export type TargetState = "pending" | "skipped" | "opening" | "opened" | "failed" | "cancelled";

export const COUNT_LABELS = {
  notOpened: "Not opened yet",
  opened: "Opened",
  approved: "Approved",
  merged: "Merged",
  applied: "Applied",
  failed: "Failed",
  skipped: "Skipped",
  cancelled: "Cancelled",
  closed: "Closed",
} as const;
export type CampaignCounts = Record<keyof typeof COUNT_LABELS, number>;

export interface CampaignTarget {
  cluster: string;
  namespace: string;
  state: TargetState;
  requestId: string | null;
  requestState: string | null;
  prUrl: string | null;
  reason: string | null;
  attempts: number;
}

export interface CampaignView {
  campaign: {
    id: string;
    title: string;
    operation: string;
    answers: Record<string, unknown>;
    filter: CampaignFilter;
    prsPerMinute: number;
    state: CampaignState;
    createdBy: string;
    createdAt: string;
  };
  counts: CampaignCounts;
  targets: CampaignTarget[];
}

export interface CampaignSummary {
  id: string;
  title: string;
  operation: string;
  state: CampaignState;
  counts: Partial<CampaignCounts>;
  createdAt: string;
  createdBy: string;
}

/** How often a campaign's page asks for its progress while anything in it still moves. */
export const CAMPAIGN_REFRESH_MS = 3000;

/** Whether nothing of a campaign moves by itself any more: it ended and every pull request it opened is settled. */
export function campaignSettled(view: CampaignView): boolean {
  if (view.campaign.state === "running" || view.campaign.state === "paused") return false;
  return view.targets.every((t) => t.state !== "pending" && t.state !== "opening" && !MOVING_STATES.includes(t.requestState ?? ""));
}

/** TanStack Query options for a campaign's progress, shared by its page and its hook; polled until it is settled. */
export function campaignQuery(id: string) {
  return {
    queryKey: ["campaign", id] as const,
    queryFn: () => fetchLiveJson<CampaignView>(`/api/campaigns/${encodeURIComponent(id)}`),
    refetchInterval: (query: { state: { data?: CampaignView } }) => (query.state.data && campaignSettled(query.state.data) ? false : CAMPAIGN_REFRESH_MS),
  };
}

async function postJson<T>(url: string, body: unknown): Promise<T> {
  const response = await post(url, body);
  if (!response.ok) throw await failure(response);
  return (await response.json()) as T;
}

/** TanStack Query options for the live preview of a campaign's change over the namespaces its filter selects. */
export function campaignPreviewQuery(body: CampaignBody) {
  return {
    queryKey: ["campaign-preview", body] as const,
    queryFn: () => postJson<CampaignPreview>("/api/campaigns/preview", body),
    staleTime: 30_000,
    retry: false,
  };
}

/** TanStack Query options for one namespace's diff in a campaign's preview, asked for on demand. */
export function campaignDiffQuery(body: Omit<CampaignBody, "filter"> & { cluster: string; namespace: string }) {
  return {
    queryKey: ["campaign-diff", body] as const,
    queryFn: () => postJson<{ files: { path: string; diff: string }[] }>("/api/campaigns/preview/diff", body),
    staleTime: 30_000,
    retry: false,
  };
}

export function startCampaign(body: CampaignBody & { title: string; prsPerMinute: number | undefined }): Promise<{ id: string }> {
  return postJson("/api/campaigns", body);
}

export type CampaignAction = "pause" | "resume" | "cancel";

export async function campaignAction(id: string, action: CampaignAction): Promise<void> {
  const response = await post(`/api/campaigns/${encodeURIComponent(id)}/${action}`, {});
  if (!response.ok) throw await failure(response);
}

export async function retryTarget(id: string, target: { cluster: string; namespace: string }): Promise<void> {
  const response = await post(`/api/campaigns/${encodeURIComponent(id)}/retry`, target);
  if (!response.ok) throw await failure(response);
}

/** TanStack Query options for the list of campaigns, shared by the list page and its hook. */
export function campaignsQuery() {
  return {
    queryKey: ["campaigns"] as const,
    queryFn: () => fetchLiveJson<{ campaigns: CampaignSummary[] }>("/api/campaigns"),
    refetchInterval: CAMPAIGN_REFRESH_MS * 5,
  };
}
