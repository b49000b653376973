"use client";

import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState, type ReactNode } from "react";
import { ErrorSummary, type SummaryError } from "./error-summary";
import { DraftNotice } from "./draft-notice";
import { useFormDraft } from "./use-form-draft";
import { proposesReviewAfter } from "@/lib/environments/requests/namespace-request";
import { NamespacePreview } from "./namespace-preview";
import { formFieldErrors, toRequest, type FormAnswers, type NamespaceAnswers } from "./namespace-answers";
import { FieldErrors, previewQuery, reviseRequest, submitNamespaceRequest } from "./request-api";

export interface FormOptions {
  clusters: string[];
  /** The common environment names, suggested; any lower-case word is accepted. */
  environments: string[];
  businessUnits: string[];
  teams: string[];
  /** The review-after date proposed where the profile proposes one. */
  reviewAfter: string;
  /** The profile's environments that get a review-after date proposed (non-production only); null: every one. */
  reviewAfterEnvironments: string[] | null;
  /** Prototype sites as the profile makes them; absent or null: the platform offers none. */
  prototype?: { application: string; environment: string; owner: string; github: boolean } | null;
}

export type { NamespaceAnswers };

type Answers = FormAnswers;

/** Where the error summary's link for a field goes: the field's own id; the checks section for the policy's verdict. */
const ORDER: (keyof Answers | "policy" | "request")[] = [
  "request",
  "prototypeRepository",
  "prototypeDeployPr",
  "name",
  "cluster",
  "environment",
  "isProduction",
  "application",
  "sourceCode",
  "reviewAfter",
  "team",
  "businessUnit",
  "serviceArea",
  "slackChannel",
  "ownerName",
  "ownerEmail",
  "policy",
];

const input = "w-full rounded border border-slate-500 bg-white px-2 py-1.5 text-sm aria-[invalid=true]:border-rose-700";

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

function Field({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {hint && (
        <span id={`${id}-hint`} className="text-xs text-slate-700">
          {hint}
        </span>
      )}
      {children}
      {error && (
        <span id={`${id}-error`} className="text-sm text-rose-800">
          {error}
        </span>
      )}
    </div>
  );
}

function proposedReviewAfter(options: FormOptions, environment: string, isProduction: boolean): string {
  const defaults = { githubOwner: "", reviewAfterMonths: 0, reviewAfterEnvironments: options.reviewAfterEnvironments ?? undefined };
  return proposesReviewAfter({ defaults }, { environment, isProduction }) ? options.reviewAfter : "";
}

/**
 * The namespace request form: checked as you type by the server's own rules,
 * with the policy results and files before you submit. `revise` pre-fills
 * it with a request's answers (its revision goes to the same pull request); the answers are kept in sessionStorage
 * under the form and request until submitted or discarded.
 */
export function NamespaceRequestForm({ options, revise }: { options: FormOptions; revise?: { id: string; answers: NamespaceAnswers } }) {
  const router = useRouter();
  const { prototype: revisedPrototype, ...revisedAnswers } = revise?.answers ?? { prototype: undefined };
  const draft = useFormDraft<Answers>(`berth:draft:namespace-request:${revise?.id ?? "new"}`, {
    name: "",
    cluster: options.clusters[0] ?? "",
    environment: options.environments[0] ?? "",
    isProduction: false,
    application: "",
    team: options.teams[0] ?? "",
    businessUnit: "",
    slackChannel: "",
    serviceArea: "",
    ownerName: "",
    ownerEmail: "",
    sourceCode: "",
    reviewAfter: proposedReviewAfter(options, options.environments[0] ?? "", false),
    kind: "namespace",
    prototypeRepository: "",
    prototypeDeployPr: false,
    ...revisedAnswers,
    ...(revisedPrototype
      ? { kind: "prototype" as const, prototypeRepository: revisedPrototype.repository, prototypeDeployPr: revisedPrototype.deployPullRequest }
      : {}),
  });
  const answers = draft.answers;
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [sent, setSent] = useState<Answers | null>(null);
  const [focusSignal, setFocusSignal] = useState(0);
  const debounced = useDebounced(answers, 300);
  const preview = useQuery({
    ...previewQuery(toRequest(debounced), revise?.id),
    enabled: touched.size > 0 || submitted || draft.restored || Boolean(revise),
    placeholderData: keepPreviousData,
  });
  const submit = useMutation({
    mutationFn: (sending: Answers) => (revise ? reviseRequest(revise.id, toRequest(sending)) : submitNamespaceRequest(toRequest(sending))),
    onSuccess: (r) => {
      draft.forget();
      router.push(r.url);
    },
    onError: () => setFocusSignal((n) => n + 1),
  });

  // The server's answer to a submit stands only for the answers it was given: once they change, the live check's errors take over.
  const serverFields = submit.error instanceof FieldErrors && sent === answers ? submit.error.fields : {};
  const all: Record<string, string> = { ...(preview.data?.fields ?? {}), ...serverFields };
  const fields = formFieldErrors(all);
  const prototypeOptions = options.prototype ?? null;
  const isPrototype = answers.kind === "prototype";
  const errorFor = (key: keyof Answers) => (submitted || touched.has(key) ? fields[key] : undefined);
  // A prototype's namespace is named after its repository: a name error (taken, claimed) belongs to the repository field.
  const repositoryError = errorFor("prototypeRepository") ?? (submitted || touched.has("prototypeRepository") ? fields.name : undefined);
  const touch = (key: string) => setTouched((t) => (t.has(key) ? t : new Set(t).add(key)));
  const set = <K extends keyof Answers>(key: K, value: Answers[K]) => {
    draft.update((a) => ({ ...a, [key]: value }));
    touch(key);
  };
  const summary: SummaryError[] = submitted
    ? ORDER.filter((key) => fields[key]).map((key) => ({
        target: key === "request" ? (isPrototype ? "prototypeRepository" : "name") : key === "name" && isPrototype ? "prototypeRepository" : key,
        message: fields[key]!,
      }))
    : [];
  const describe = (key: string, hint: boolean) =>
    [hint ? `${key}-hint` : "", errorFor(key as keyof Answers) ? `${key}-error` : ""].filter(Boolean).join(" ") || undefined;
  const text = (key: keyof Answers, label: string, hint?: string, type = "text") => (
    <Field id={key} label={label} hint={hint} error={errorFor(key)}>
      <input
        id={key}
        type={type}
        value={String(answers[key])}
        onChange={(e) => set(key, e.target.value as never)}
        onBlur={() => touch(key)}
        aria-invalid={Boolean(errorFor(key))}
        aria-describedby={describe(key, Boolean(hint))}
        className={input}
      />
    </Field>
  );
  const select = (key: keyof Answers, label: string, values: string[], prompt?: string) => (
    <Field id={key} label={label} error={errorFor(key)}>
      <select
        id={key}
        value={String(answers[key])}
        onChange={(e) => set(key, e.target.value as never)}
        onBlur={() => touch(key)}
        aria-invalid={Boolean(errorFor(key))}
        aria-describedby={describe(key, false)}
        className={input}
      >
        {prompt && <option value="">{prompt}</option>}
        {values.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </Field>
  );

  const blocking = Object.keys(fields).length > 0;
  return (
    <form
      noValidate
      aria-label="Request a namespace"
      className="grid gap-6 xl:grid-cols-2 xl:items-start"
      onSubmit={(event) => {
        event.preventDefault();
        setSubmitted(true);
        setSent(answers);
        submit.mutate(answers);
      }}
    >
      <div className="space-y-6">
        <ErrorSummary errors={summary} focusSignal={focusSignal} />
        <DraftNotice
          restored={draft.restored}
          onDiscard={() => {
            draft.discard();
            setTouched(new Set());
            setSubmitted(false);
            setSent(null);
          }}
        />
        {prototypeOptions && !revise && (
          <fieldset className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <legend className="px-1 font-semibold">What it is for</legend>
            {(["namespace", "prototype"] as const).map((kind) => (
              <label key={kind} className="flex min-h-6 items-center gap-2 text-sm">
                <input
                  type="radio"
                  name="kind"
                  id={kind === "namespace" ? "kind" : "kind-prototype"}
                  checked={answers.kind === kind}
                  onChange={() =>
                    draft.update((a) =>
                      kind === "prototype"
                        ? {
                            ...a,
                            kind,
                            environment: prototypeOptions.environment,
                            isProduction: false,
                            application: prototypeOptions.application,
                            reviewAfter: proposedReviewAfter(options, prototypeOptions.environment, false),
                          }
                        : { ...a, kind },
                    )
                  }
                />
                {kind === "namespace" ? "A service's namespace" : "A prototype site (GOV.UK Prototype Kit)"}
              </label>
            ))}
          </fieldset>
        )}
        {isPrototype && prototypeOptions && (
          <fieldset className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <legend className="px-1 font-semibold">The prototype</legend>
            <Field
              id="prototypeRepository"
              label="The prototype's GitHub repository"
              hint={`Its name in ${prototypeOptions.owner}: it also names the namespace and the site's address`}
              error={repositoryError}
            >
              <input
                id="prototypeRepository"
                type="text"
                autoComplete="off"
                disabled={Boolean(revise)}
                value={answers.prototypeRepository}
                onChange={(e) => {
                  const repository = e.target.value;
                  draft.update((a) => ({ ...a, prototypeRepository: repository, sourceCode: `https://github.com/${prototypeOptions.owner}/${repository}` }));
                  touch("prototypeRepository");
                }}
                onBlur={() => touch("prototypeRepository")}
                aria-invalid={Boolean(repositoryError)}
                aria-describedby={repositoryError ? "prototypeRepository-hint prototypeRepository-error" : "prototypeRepository-hint"}
                className={input}
              />
            </Field>
            {!revise && (
              <div className="flex flex-col gap-1">
                <label className="flex items-start gap-2 text-sm">
                  <input
                    type="checkbox"
                    id="prototypeDeployPr"
                    className="mt-1"
                    checked={answers.prototypeDeployPr}
                    onChange={(e) => set("prototypeDeployPr", e.target.checked)}
                    aria-describedby="prototypeDeployPr-hint"
                  />
                  <span>Also open a pull request in the prototype&apos;s repository with its deployment files</span>
                </label>
                <span id="prototypeDeployPr-hint" className="text-xs text-slate-700">
                  {prototypeOptions.github
                    ? "A Dockerfile, a start script, a GitHub Actions workflow that builds, pushes and deploys the site, and its Kubernetes template. Nothing is written there without this."
                    : "This Berth opens pull requests only in the environments repository: the request's page shows the files to copy instead."}
                </span>
              </div>
            )}
            <p className="text-sm text-slate-700">
              The site is protected by a username and password Berth never asks for: the platform&apos;s template writes a placeholder username and Terraform
              generates the password. The request&apos;s page tells you how to read them.
            </p>
          </fieldset>
        )}
        <fieldset className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm md:grid-cols-2">
          <legend className="px-1 font-semibold">The namespace</legend>
          {!isPrototype && text("name", "Namespace name", "Lower-case letters, digits and hyphens; at most 63 characters; unique across all clusters")}

          {select("cluster", "Cluster", options.clusters)}
          <Field
            id="environment"
            label="Environment"
            hint="One lower-case word, as the repository uses: pick a common one or type another"
            error={errorFor("environment")}
          >
            <input
              id="environment"
              type="text"
              list="environment-suggestions"
              autoComplete="off"
              value={answers.environment}
              onChange={(e) => {
                set("environment", e.target.value);
                set("reviewAfter", proposedReviewAfter(options, e.target.value, answers.isProduction));
              }}
              onBlur={() => touch("environment")}
              aria-invalid={Boolean(errorFor("environment"))}
              aria-describedby={describe("environment", true)}
              className={input}
            />
            <datalist id="environment-suggestions">
              {options.environments.map((v) => (
                <option key={v} value={v} />
              ))}
            </datalist>
          </Field>
          <fieldset className="flex flex-col gap-1" aria-describedby={errorFor("isProduction") ? "isProduction-error" : undefined}>
            <legend className="text-sm font-medium">Production</legend>
            <div className="flex gap-4 text-sm">
              {[false, true].map((value) => (
                <label key={String(value)} className="flex min-h-6 items-center gap-2">
                  <input
                    type="radio"
                    id={value ? "isProduction-yes" : "isProduction"}
                    name="isProduction"
                    checked={answers.isProduction === value}
                    onChange={() => {
                      set("isProduction", value);
                      set("reviewAfter", proposedReviewAfter(options, answers.environment, value));
                    }}
                  />
                  {value ? "Production" : "Not production"}
                </label>
              ))}
            </div>
            {errorFor("isProduction") && (
              <span id="isProduction-error" className="text-sm text-rose-800">
                {errorFor("isProduction")}
              </span>
            )}
          </fieldset>
          {text("application", "Application", "What runs here, in a few words")}
          {text("sourceCode", "Source code URL", "e.g. https://github.com/ministryofjustice/my-app", "url")}
          {text(
            "reviewAfter",
            "Review after",
            options.reviewAfterEnvironments
              ? `When the namespace should be reviewed; proposed only for non-production ${options.reviewAfterEnvironments.join(", ")} namespaces`
              : "When the namespace should be reviewed; proposed for non-production namespaces",
            "date",
          )}
        </fieldset>

        <fieldset className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm md:grid-cols-2">
          <legend className="px-1 font-semibold">Who owns it</legend>
          {options.teams.length > 0 ? (
            select("team", "Owning GitHub team", options.teams)
          ) : (
            <p className="text-sm text-rose-800">You are in no GitHub team of the organisation, so you cannot request a namespace.</p>
          )}
          {select("businessUnit", "Business unit", options.businessUnits, "Choose a business unit")}
          {text("serviceArea", "Service area")}
          {text("slackChannel", "Slack channel", "The team's channel, e.g. #my-team")}
          {text("ownerName", "Team display name", "Shown as the namespace's owner")}
          {text("ownerEmail", "Team email", undefined, "email")}
        </fieldset>
      </div>

      <NamespacePreview preview={preview.data ?? null} />

      <div className="space-y-2 xl:col-start-1">
        <button
          type="submit"
          disabled={submit.isPending}
          className="rounded bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800 disabled:opacity-60"
        >
          {submit.isPending ? "Opening the pull request…" : revise ? "Submit the revision" : "Submit the request"}
        </button>
        <p role="status" className="text-sm text-rose-800">
          {submitted && blocking && !submit.isPending ? "Correct the fields marked above, then submit again." : ""}
          {submit.error && !(submit.error instanceof FieldErrors) ? submit.error.message : ""}
        </p>
      </div>
    </form>
  );
}
