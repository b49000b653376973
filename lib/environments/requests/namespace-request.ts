import { z } from "zod";
import type { PlatformProfile } from "../profile/profile";
import { unrepresentableText } from "../render/unrepresentable-text";

/** The parts of a profile the request rules depend on; small enough to send to a browser for live validation (environments are suggestions only). */
export type RequestProfile = Pick<PlatformProfile, "clusters" | "businessUnits" | "environments">;

const required = (what: string) => (issue: { input: unknown }) =>
  issue.input === undefined || issue.input === null ? `enter ${what}` : `${what} must be text`;

/** Line breaks, other control characters, and what no file can hold: free text is one line of printable text. */
const NOT_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** Trimmed, non-empty, single-line text of at most `max` characters. */
function singleLine(what: string, max = 200) {
  return z
    .string({ error: required(what) })
    .trim()
    .min(1, `enter ${what}`)
    .max(max, `${what} is too long: at most ${max} characters`)
    .refine((v) => !NOT_SINGLE_LINE.test(v), `${what} must be a single line, without line breaks, tabs or other control characters`)
    .refine((v) => unrepresentableText(v) === null, `${what} contains characters that cannot be stored (invalid Unicode)`);
}

function oneOf(what: string, allowed: readonly string[] | null) {
  const base = singleLine(what);
  if (!allowed) return base;
  return base.refine((v) => allowed.includes(v), `${what} must be one of: ${allowed.join(", ")}`);
}

function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** An http(s) URL with a host, no spaces and no credentials: what a source-code annotation may hold. */
export function isHttpUrl(value: string): boolean {
  if (/\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "" && url.username === "" && url.password === "";
  } catch {
    return false;
  }
}

function buildSchema(profile: RequestProfile | null) {
  return z.object({
    name: z
      .string({ error: required("a namespace name") })
      .min(1, "enter a namespace name")
      .max(63, "the name is too long: at most 63 characters")
      .regex(/^[a-z0-9-]+$/, "use only lower-case letters, digits and hyphens")
      .regex(/^[a-z0-9](.*[a-z0-9])?$/s, "the name must start and end with a letter or digit"),
    cluster: profile
      ? oneOf(
          "the cluster",
          profile.clusters.map((c) => c.name),
        )
      : singleLine("the cluster").regex(/^[a-z0-9-]+$/, "the cluster must be a cluster name such as live"),
    // Note: any lower-case word, as the platform's CLI accepts; the profile's list is only suggested.
    environment: singleLine("the environment", 63).regex(
      /^[a-z]+$/,
      "the environment must be one lower-case word (letters a-z only), e.g. development, staging or production",
    ),
    isProduction: z.boolean({ error: "say whether this is production (true or false)" }),
    application: singleLine("the application name"),
    team: z
      .string({ error: required("a GitHub team") })
      .trim()
      .min(1, "enter a GitHub team")
      .max(100, "the team slug is too long: at most 100 characters")
      .regex(
        /^[a-z0-9][a-z0-9_-]*$/,
        "the team must be a GitHub team slug: lower-case letters, digits, hyphens and underscores, as in github.com/orgs/<org>/teams/<slug>",
      ),
    businessUnit: oneOf("the business unit", profile?.businessUnits ?? null),
    // Note: stored without the leading "#", as most of the repository's namespaces write it; "#team-dev" is accepted.
    slackChannel: z
      .string({ error: required("a Slack channel") })
      .trim()
      .transform((v) => v.replace(/^#/, ""))
      .pipe(
        z
          .string()
          .min(1, "enter a Slack channel")
          .max(80, "the Slack channel is too long: at most 80 characters")
          .regex(
            /^[a-z0-9][a-z0-9_-]*$/,
            "the Slack channel must be a channel name: lower-case letters, digits, hyphens and underscores, with or without a leading #",
          ),
      ),
    serviceArea: singleLine("the service area"),
    ownerName: singleLine("the team's display name"),
    ownerEmail: z
      .string({ error: required("the team's email address") })
      .trim()
      .min(1, "enter the team's email address")
      .max(254, "the email address is too long")
      .pipe(z.email("the team's email address is not a valid email address")),
    sourceCode: z
      .string({ error: required("the source code URL") })
      .trim()
      .min(1, "enter the source code URL")
      .max(500, "the source code URL is too long: at most 500 characters")
      .refine(isHttpUrl, "the source code must be an http(s) URL such as https://github.com/org/repo, without spaces or credentials"),
    /**
     * Present when the namespace hosts a prototype site: the prototype's GitHub
     * repository (in the profile's GitHub organisation), which names the
     * namespace, and whether Berth may open a pull request there with the
     * deployment files (the requester's explicit consent).
     */
    prototype: z
      .object({
        repository: z
          .string({ error: required("the prototype's GitHub repository") })
          .trim()
          .min(1, "enter the prototype's GitHub repository")
          .max(63, "the repository name is too long: it names the namespace, at most 63 characters")
          .regex(
            /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/,
            "the prototype's repository must be a GitHub repository name of lower-case letters, digits and hyphens, starting and ending with a letter or digit: it names the namespace",
          ),
        deployPullRequest: z.boolean({ error: "say whether Berth may open a pull request in the prototype's repository (true or false)" }).default(false),
      })
      .optional(),
    reviewAfter: z
      .string({
        error: (issue) =>
          issue.input === undefined || issue.input === null
            ? 'enter a review-after date (YYYY-MM-DD), or "" for none'
            : "the review-after date must be text (YYYY-MM-DD) or empty",
      })
      .trim()
      .refine((v) => v === "" || isCalendarDate(v), "the review-after date must be a real date written YYYY-MM-DD, or empty"),
  });
}

/**
 * A request for a new namespace, as the form, the route and the CLI take it.
 * Rules that do not depend on the platform; the route and CLI use
 * namespaceRequestSchemaFor(profile), which also checks the cluster and
 * business unit against the profile. The environment is any lower-case word. Unknown keys are dropped.
 */
export const namespaceRequestSchema = buildSchema(null);

export type NamespaceRequest = z.output<typeof namespaceRequestSchema>;
/** What a form or answers file supplies before parsing (e.g. a Slack channel with its "#"). */
export type NamespaceRequestInput = z.input<typeof namespaceRequestSchema>;

const schemas = new WeakMap<RequestProfile, ReturnType<typeof buildSchema>>();

/** namespaceRequestSchema plus the profile's clusters and business units. Built once per profile object. */
export function namespaceRequestSchemaFor(profile: RequestProfile) {
  let schema = schemas.get(profile);
  if (!schema) schemas.set(profile, (schema = buildSchema(profile)));
  return schema;
}

export type NamespaceRequestValidation = { ok: true; value: NamespaceRequest } | { ok: false; fields: Record<string, string> };

/**
 * The schema a new request is checked with (the route, its preview and so
 * the form): namespaceRequestSchemaFor(profile) plus answers that make no
 * sense together. An environment named production that is not production,
 * and, given `today` (YYYY-MM-DD, from the server's clock), a review-after
 * date already past. Stored requests are read without these: a date that has
 * since passed does not make a stored request unreadable.
 */
export function newNamespaceRequestSchema(profile: RequestProfile, today?: string) {
  return namespaceRequestSchemaFor(profile).superRefine((value, ctx) => {
    if (value.environment === "production" && !value.isProduction) {
      ctx.addIssue({
        code: "custom",
        path: ["isProduction"],
        message: 'the environment is "production" but the namespace is marked not production: choose Production, or another environment',
      });
    }
    if (value.prototype && value.name !== value.prototype.repository) {
      ctx.addIssue({ code: "custom", path: ["name"], message: `a prototype's namespace is named after its repository: use ${value.prototype.repository}` });
    }
    if (value.prototype && value.isProduction) {
      ctx.addIssue({ code: "custom", path: ["isProduction"], message: "a prototype site is never production: choose not production" });
    }
    if (today !== undefined && value.reviewAfter !== "" && value.reviewAfter < today) {
      ctx.addIssue({ code: "custom", path: ["reviewAfter"], message: `the review-after date is in the past: choose ${today} or later, or leave it empty` });
    }
  });
}

/** Parses a new request against the profile: the value, or each failing field's first message (`request` for the whole input). */
export function validateNamespaceRequest(input: unknown, profile: RequestProfile, options: { today?: string } = {}): NamespaceRequestValidation {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return { ok: false, fields: { request: "expected an object with the request's fields" } };
  }
  const result = newNamespaceRequestSchema(profile, options.today).safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join(".") || "request";
    fields[key] ??= issue.message;
  }
  return { ok: false, fields };
}

/**
 * Whether the profile proposes a review-after date for a new namespace:
 * never for production; for non-production only in the profile's
 * `reviewAfterEnvironments` when it lists them (MoJ: development, the
 * sandboxes their CLI dates), else always.
 */
export function proposesReviewAfter(profile: Pick<PlatformProfile, "defaults">, answers: { environment: string; isProduction: boolean }): boolean {
  if (answers.isProduction) return false;
  const only = profile.defaults.reviewAfterEnvironments;
  return only === undefined || only.includes(answers.environment.trim());
}

/**
 * The review-after date a new namespace gets by default (YYYY-MM-DD): the
 * profile's months after `now` where the profile proposes one (see
 * proposesReviewAfter; without an environment, any non-production), none ("")
 * elsewhere. A day past the end of the target month falls back to its last day.
 */
export function defaultReviewAfter(now: Date, profile: Pick<PlatformProfile, "defaults">, isProduction = false, environment?: string): string {
  if (isProduction) return "";
  if (environment !== undefined && !proposesReviewAfter(profile, { environment, isProduction })) return "";
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth() + profile.defaults.reviewAfterMonths;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(now.getUTCDate(), lastDay))).toISOString().slice(0, 10);
}

/** The name field's error when the name is already used (namespaces in any cluster, open requests), else null. */
export function nameTakenError(name: string, existingNames: Iterable<string>): string | null {
  for (const existing of existingNames) {
    if (existing === name) return `a namespace or open request named ${name} already exists; names are unique across all clusters`;
  }
  return null;
}
