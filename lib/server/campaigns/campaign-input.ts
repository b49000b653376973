import { z } from "zod";
import { AppError } from "@/lib/errors";

/** The inventory filter a campaign selects by: the inventory's own URL parameters (lib/environments/inventory/query-inventory.ts). */
export const campaignFilterSchema = z.record(z.string(), z.string().max(200, "at most 200 characters"), "expected the inventory's filter parameters");

const operation = z.string().trim().min(1, "choose an edit").max(60);

export const previewCampaignInputSchema = z.object({ operation, answers: z.unknown(), filter: campaignFilterSchema.default({}) });

export const previewCampaignDiffInputSchema = z.object({
  operation,
  answers: z.unknown(),
  cluster: z.string().trim().min(1, "choose a cluster").max(100),
  namespace: z.string().trim().min(1, "choose a namespace").max(100),
});

export const createCampaignInputSchema = previewCampaignInputSchema.extend({
  title: z.string().trim().min(1, "give the campaign a title").max(200, "at most 200 characters"),
  prsPerMinute: z.number("a whole number of pull requests per minute").int("a whole number").min(1, "at least 1").max(600, "at most 600"),
});

export const retryCampaignTargetInputSchema = z.object({
  cluster: z.string().trim().min(1, "which cluster").max(100),
  namespace: z.string().trim().min(1, "which namespace").max(100),
});

/** Parses a body with `schema`, or answers 422 naming each failing field, before anything is read or written. */
export function parseCampaignInput<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[issue.path.map(String).join(".") || "body"] ??= issue.message;
  throw new AppError("invalid_input", "The campaign has errors", fields);
}
