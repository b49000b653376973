import { z } from "zod";
import type { EditOperationName } from "@/lib/environments/edit/edit-operation";

export const EDIT_OPERATION_NAMES = [
  "metadata",
  "access",
  "resource",
  "remove",
  "decommission",
  "bump-module",
  "default-tags",
] as const satisfies readonly EditOperationName[];
/** Every name of the contract is listed above (adding one to the contract fails type-checking here). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const OPERATION_NAMES_MATCH: Same<(typeof EDIT_OPERATION_NAMES)[number], EditOperationName> = true;

export const editOperationNameSchema = z.enum(EDIT_OPERATION_NAMES);

/** The step that must follow an edit once it is applied (protection off first, then the removal). */
export const followUpSchema = z.object({ operation: editOperationNameSchema, answers: z.unknown(), reason: z.string() });
export type FollowUp = z.output<typeof followUpSchema>;

/**
 * The answers column of an edit request: the operation, its answers as the
 * operation's schema took them, and the commit the form was built on; with the
 * follow-up step the edit asked for, and the requests before and after it in a
 * tracked sequence.
 */
export const storedEditAnswersSchema = z.object({
  operation: editOperationNameSchema,
  answers: z.unknown(),
  baseCommit: z.string().min(1),
  followUp: followUpSchema.nullable().optional(),
  /** The request whose follow-up this one is. */
  after: z.string().nullable().optional(),
  /** The request that carries this one's follow-up, once submitted. */
  next: z.string().nullable().optional(),
  /** What reviewers must be told (e.g. a decommission confirmed while workloads still run). */
  flags: z.array(z.string()).optional(),
  /** The base branch's head the edit was last re-applied onto (or found not to apply to): tried once per head. */
  reappliedOn: z.string().optional(),
  /** The campaign that opened it: its pull request carries the campaign's label and asks the namespace's owning teams to review. */
  campaign: z.object({ id: z.string().min(1), reviewerTeams: z.array(z.string()) }).optional(),
});
export type StoredEditAnswers = z.output<typeof storedEditAnswersSchema>;

/** What the edit API takes: which namespace, which operation, its answers and the commit the form was built on. */
export const editInputSchema = z.object({
  cluster: z.string().min(1),
  namespace: z.string().min(1),
  operation: editOperationNameSchema,
  answers: z.unknown(),
  baseCommit: z.string().min(1).optional(),
  /** Submitting the follow-up of this request. */
  after: z.string().optional(),
  /** Decommission: the requester confirms workloads still running in the namespace may go. */
  confirmWorkloads: z.boolean().optional(),
});
export type EditInput = z.output<typeof editInputSchema>;
