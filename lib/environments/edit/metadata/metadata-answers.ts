import { z } from "zod";
import { isHttpUrl, namespaceRequestSchema } from "../../requests/namespace-request";

const request = namespaceRequestSchema.shape;

/** A Slack channel's own link (`https://<workspace>.slack.com/archives/<id>`): a few real namespaces hold one, and the platform accepts it. */
const SLACK_CHANNEL_URL = /^https:\/\/[a-z0-9-]+\.slack\.com\/(archives|channels|messages)\/[A-Za-z0-9_-]+\/?$/;

/**
 * The source code: one http(s) URL as a new request takes it, or several
 * separated by commas, as 107 real namespaces write them (the platform's
 * policy asks only for a non-empty annotation). Written as given, trimmed.
 */
const sourceCode = z
  .string({ error: "the source code must be text: one URL, or several separated by commas" })
  .trim()
  .min(1, "enter the source code URL")
  .max(1000, "the source code is too long: at most 1000 characters")
  .refine(
    (v) => v.split(",").every((url) => isHttpUrl(url.trim())),
    "the source code must be http(s) URLs such as https://github.com/org/repo, separated by commas if there are several, without spaces in them or credentials",
  );

const slackChannel = z.union([z.string().trim().regex(SLACK_CHANNEL_URL), request.slackChannel], {
  error:
    "the Slack channel must be a channel name (lower-case letters, digits, hyphens and underscores, with or without a leading #) or the channel's https://<workspace>.slack.com/archives/... link",
});

/** "<Team display name>: <team email>", the owner annotation as the platform writes it, split at its last ": ". */
const owner = z
  .string({ error: 'the owner must be text: "<team display name>: <team email>"' })
  .trim()
  .transform((v, ctx) => {
    const at = v.lastIndexOf(": ");
    const parts =
      at < 0
        ? null
        : z.object({ ownerName: request.ownerName, ownerEmail: request.ownerEmail }).safeParse({ ownerName: v.slice(0, at), ownerEmail: v.slice(at + 2) });
    if (parts?.success) return parts.data;
    ctx.addIssue({ code: "custom", message: 'the owner must be "<team display name>: <team email>", e.g. "Orders team: orders@example.gov.uk"' });
    return z.NEVER;
  });

const FIELDS = {
  application: request.application,
  owner,
  ownerName: request.ownerName,
  ownerEmail: request.ownerEmail,
  slackChannel,
  sourceCode,
  team: request.team,
  teamName: request.team,
  reviewAfter: request.reviewAfter,
  renewMonths: z
    .number({ error: "renewMonths must be a number of months" })
    .int("renewMonths must be a whole number of months")
    .min(1, "renewMonths must be 1 to 24 months")
    .max(24, "renewMonths must be 1 to 24 months"),
  isProduction: request.isProduction,
  environment: request.environment,
};

/** The fields a metadata edit can change: the namespace request's own names (`owner` and `teamName` are the annotations' names for ownerName/ownerEmail and team). */
export const METADATA_FIELDS = Object.keys(FIELDS) as (keyof typeof FIELDS)[];

const EXCLUSIVE: [string, string][] = [
  ["reviewAfter", "renewMonths"],
  ["owner", "ownerName"],
  ["owner", "ownerEmail"],
  ["team", "teamName"],
];

/**
 * A metadata edit's answers: only the fields to change, each checked with the
 * new-request rule (looser where the repository already is: several source
 * URLs, a Slack channel link). Unknown fields are refused, so a misspelt one
 * is not silently dropped.
 */
export const metadataAnswersSchema = z
  .object(FIELDS)
  .partial()
  .strict()
  .superRefine((answers, ctx) => {
    for (const [a, b] of EXCLUSIVE) {
      if (answers[a as keyof typeof answers] !== undefined && answers[b as keyof typeof answers] !== undefined)
        ctx.addIssue({ code: "custom", path: [b], message: `give ${a} or ${b}, not both` });
    }
  });

export type MetadataAnswers = z.output<typeof metadataAnswersSchema>;
