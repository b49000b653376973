import type { NamespaceRecord } from "../../types";
import type { EditContext } from "../edit-operation";
import type { MetadataAnswers } from "./metadata-answers";

/** One label or annotation of the Namespace document a metadata edit sets, and the answer field it comes from. */
export interface MetadataTarget {
  field: string;
  map: "labels" | "annotations";
  /** The key without the profile's prefix, e.g. `slack-channel`. */
  name: string;
  value: string;
}

/** The order Berth writes labels and annotations in (render-namespace-yaml.ts): where a missing one is added. */
export const LABEL_ORDER = ["is-production", "environment-name"];
export const ANNOTATION_ORDER = ["business-unit", "slack-channel", "application", "owner", "source-code", "team-name", "review-after"];

/** A date `months` after `now` (UTC, YYYY-MM-DD); a day past the end of the target month falls back to its last day. */
export function monthsAfter(now: Date, months: number): string {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(now.getUTCDate(), lastDay))).toISOString().slice(0, 10);
}

/** The labels and annotations the answers set, or the field errors (an owner half to combine with an owner that cannot be split, renewMonths without a clock). */
export function metadataTargets(
  answers: MetadataAnswers,
  record: NamespaceRecord,
  context: EditContext | undefined,
): { ok: true; targets: MetadataTarget[] } | { ok: false; errors: Record<string, string> } {
  const targets: MetadataTarget[] = [];
  const errors: Record<string, string> = {};
  const add = (field: string, map: MetadataTarget["map"], name: string, value: string) => targets.push({ field, map, name, value });
  if (answers.isProduction !== undefined) add("isProduction", "labels", "is-production", String(answers.isProduction));
  if (answers.environment !== undefined) add("environment", "labels", "environment-name", answers.environment);
  if (answers.slackChannel !== undefined) add("slackChannel", "annotations", "slack-channel", answers.slackChannel);
  if (answers.application !== undefined) add("application", "annotations", "application", answers.application);
  if (answers.owner !== undefined) add("owner", "annotations", "owner", `${answers.owner.ownerName}: ${answers.owner.ownerEmail}`);
  else if (answers.ownerName !== undefined || answers.ownerEmail !== undefined) {
    const current = record.owner ?? "";
    const at = current.lastIndexOf(": ");
    const field = answers.ownerName !== undefined ? "ownerName" : "ownerEmail";
    if ((answers.ownerName === undefined || answers.ownerEmail === undefined) && at < 0) {
      errors[field] = `the owner annotation today ("${current}") is not "<name>: <email>"; give ownerName and ownerEmail together`;
    } else {
      const name = answers.ownerName ?? current.slice(0, at);
      const email = answers.ownerEmail ?? current.slice(at + 2);
      add(field, "annotations", "owner", `${name}: ${email}`);
    }
  }
  if (answers.sourceCode !== undefined) add("sourceCode", "annotations", "source-code", answers.sourceCode);
  const team = answers.team ?? answers.teamName;
  if (team !== undefined) add(answers.team !== undefined ? "team" : "teamName", "annotations", "team-name", team);
  if (answers.reviewAfter !== undefined) add("reviewAfter", "annotations", "review-after", answers.reviewAfter);
  if (answers.renewMonths !== undefined) {
    if (!context) errors.renewMonths = "renewing needs today's date, which the caller did not pass";
    else add("renewMonths", "annotations", "review-after", monthsAfter(context.now, answers.renewMonths));
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, targets };
}
