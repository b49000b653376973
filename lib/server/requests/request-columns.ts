import { z } from "zod";
import { parseStoredReview, reviewForecastSchema, type ReviewForecast } from "@/lib/environments/checks/review-forecast";
import { namespaceRequestSchema, type NamespaceRequest } from "@/lib/environments/requests/namespace-request";
import { resourceRequestSchema, type ResourceRequest } from "@/lib/environments/requests/resource-request";
import { storedEditAnswersSchema, type StoredEditAnswers } from "./edit-request-answers";

/**
 * The JSON columns of a stored request, parsed at the edge with their zod
 * schemas rather than cast: a row written by an older Berth or by hand that
 * no longer fits fails here, naming the request and the column, instead of
 * somewhere deep in rendering.
 */

/** A request's files: what the pull request adds, and (resource requests) what a changed file held before. */
export const storedFilesSchema = z.array(z.object({ path: z.string().min(1), content: z.string().nullable(), previous: z.string().nullable().optional() }));
export type StoredFile = z.output<typeof storedFilesSchema>[number];

export class StoredRequestError extends Error {
  constructor(id: string, column: string, error: z.ZodError) {
    super(`Request ${id} has an unreadable ${column} column: ${z.prettifyError(error).split("\n").slice(0, 3).join("; ")}`);
    this.name = "StoredRequestError";
  }
}

function parse<T>(schema: z.ZodType<T>, row: { id: string }, column: string, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new StoredRequestError(row.id, column, parsed.error);
  return parsed.data;
}

export function requestFiles(row: { id: string; files: unknown }): StoredFile[] {
  return parse(storedFilesSchema, row, "files", row.files);
}

export type RequestAnswers =
  { kind: "namespace"; answers: NamespaceRequest } | { kind: "resources"; answers: ResourceRequest } | { kind: "edit"; answers: StoredEditAnswers };

/** The validated form answers, by the request's kind. */
export function requestAnswers(row: { id: string; kind: "namespace" | "resources" | "edit"; answers: unknown }): RequestAnswers {
  if (row.kind === "edit") return { kind: "edit", answers: parse(storedEditAnswersSchema, row, "answers", row.answers) };
  return row.kind === "resources"
    ? { kind: "resources", answers: parse(resourceRequestSchema, row, "answers", row.answers) }
    : { kind: "namespace", answers: parse(namespaceRequestSchema, row, "answers", row.answers) };
}

/** What a reviewer should know, computed at submit (a forecast, or an older prediction read as one); null for requests stored before either. */
export function requestReview(row: { id: string; review: unknown }): ReviewForecast | null {
  if (row.review === null || row.review === undefined) return null;
  const review = parseStoredReview(row.review);
  if (!review) throw new StoredRequestError(row.id, "review", reviewForecastSchema.safeParse(row.review).error!);
  return review;
}
