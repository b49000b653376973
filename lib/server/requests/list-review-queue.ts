import { z } from "zod";
import { REVIEW_FLAG_KEYS, type ReviewForecast } from "@/lib/environments/checks/review-forecast";
import { canReview } from "@/lib/auth/policy";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-db";
import type { InventorySnapshot } from "../inventory-store";
import { authorize } from "../authorize";
import { requestAnswers, requestReview } from "./request-columns";
import { OPEN_STATES, type RequestKind, type RequestState } from "./request-state";

export const REVIEW_FLAGS = REVIEW_FLAG_KEYS;
export type ReviewFlag = (typeof REVIEW_FLAGS)[number];

export type { ReviewForecast };

/** The queue's filters from the URL; a value no team or business unit could have (over 100 characters) is no filter, as a bad flag is. */
const textFilter = z
  .string()
  .trim()
  .max(100)
  .optional()
  .catch(undefined)
  .transform((v) => v || undefined);
export const queueFiltersSchema = z.object({
  team: textFilter,
  businessUnit: textFilter,
  flag: z.enum(REVIEW_FLAGS).optional().catch(undefined),
});
export type QueueFilters = z.infer<typeof queueFiltersSchema>;

export interface QueueItem {
  id: string;
  kind: RequestKind;
  state: RequestState;
  namespace: string;
  cluster: string;
  team: string;
  requester: string;
  businessUnit: string | null;
  production: boolean;
  createdAt: Date;
  /** Whole hours since it was submitted. */
  ageHours: number;
  prNumber: number | null;
  prUrl: string | null;
  /** The stored forecast; rows stored before forecasts are read into the same shape. */
  review: ReviewForecast | null;
  /** The campaign that opened it, so the queue can group a campaign's requests. */
  campaign: { id: string; title: string } | null;
}

/** Every open request, oldest first, with what a reviewer cares about; reviewers only. */
export async function listReviewQueue(db: Db, viewer: Viewer | null, filters: QueueFilters, snapshot: InventorySnapshot, now: Date): Promise<QueueItem[]> {
  authorize(viewer, canReview(viewer));
  const rows = await db.request.findMany({
    where: { state: { in: [...OPEN_STATES] } },
    orderBy: { createdAt: "asc" },
    include: { campaign: { select: { id: true, title: true } } },
  });
  const items = rows.map((row): QueueItem => {
    const stored = requestAnswers(row);
    const answers = stored.kind === "namespace" ? stored.answers : null;
    const existing = snapshot.find(row.cluster, row.namespace);
    const review = requestReview(row);
    return {
      id: row.id,
      kind: row.kind,
      state: row.state,
      namespace: row.namespace,
      cluster: row.cluster,
      team: row.team,
      requester: row.requester,
      businessUnit: existing?.businessUnit ?? answers?.businessUnit ?? null,
      production: existing?.isProduction ?? answers?.isProduction ?? Boolean(review?.flags.production),
      createdAt: row.createdAt,
      ageHours: Math.max(0, Math.floor((now.getTime() - row.createdAt.getTime()) / 3_600_000)),
      prNumber: row.prNumber,
      prUrl: row.prUrl,
      review,
      campaign: row.campaign ?? null,
    };
  });
  return items.filter(
    (item) =>
      (!filters.team || item.team === filters.team) &&
      (!filters.businessUnit || item.businessUnit === filters.businessUnit) &&
      (!filters.flag || (filters.flag === "production" ? item.production : Boolean(item.review?.flags[filters.flag as ReviewFlag]))),
  );
}

/** The number the navigation shows reviewers. */
export function countOpenRequests(db: Db): Promise<number> {
  return db.request.count({ where: { state: { in: [...OPEN_STATES] } } });
}
