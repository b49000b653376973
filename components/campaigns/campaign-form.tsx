"use client";

import { PreviewProblems } from "../requests/preview-problems";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { ErrorSummary } from "../requests/error-summary";
import { FieldErrors } from "../requests/request-api";
import { CampaignAnswerFields } from "./campaign-answer-fields";
import { campaignAnswers, campaignFields, controlOf } from "./campaign-answers";
import { CAMPAIGN_OPERATIONS, campaignPreviewQuery, startCampaign, type CampaignBody } from "./campaign-api";
import { controlId, Field } from "./campaign-field";
import { CampaignPreviewView } from "./campaign-preview-view";

export interface CampaignFormOptions {
  /** The catalogue's modules and their latest versions. */
  modules: { name: string; latest: string }[];
  clusters: string[];
  businessUnits: string[];
  environments: string[];
  teams: string[];
  /** The most pull requests a minute Berth opens for a campaign (BERTH_CAMPAIGN_MAX_PRS_PER_MINUTE). */
  maxPrsPerMinute: number;
}

const box = "rounded-lg border border-slate-200 bg-white p-4 shadow-sm";
const FILTER_SELECTS = [
  ["cluster", "Cluster", "clusters"],
  ["businessUnit", "Business unit", "businessUnits"],
  ["environment", "Environment", "environments"],
  ["team", "Team", "teams"],
] as const;

/**
 * A new campaign: one change with the same answers, over the namespaces an inventory filter selects. The preview follows
 * the answers as they are typed (counts, what is skipped and why, any namespace's diff on demand); Start stores it and
 * Berth opens one pull request per namespace at the pace chosen.
 */
export function CampaignForm({ options }: { options: CampaignFormOptions }) {
  const router = useRouter();
  const [title, setTitle] = useState("");
  const [operation, setOperation] = useState<string>("bump-module");
  const [answers, setAnswers] = useState<Record<string, string>>({ module: "", version: "" });
  const [filter, setFilter] = useState<Record<string, string>>({});
  const [prsPerMinute, setPrsPerMinute] = useState(String(Math.min(2, options.maxPrsPerMinute)));
  const body = (): CampaignBody => ({
    operation,
    answers:
      operation === "bump-module"
        ? { module: answers.module ?? "", version: (answers.version ?? "").trim() }
        : campaignAnswers(campaignFields(operation), answers),
    filter: Object.fromEntries(Object.entries(filter).filter(([, v]) => v.trim() !== "")),
  });
  const [debounced, setDebounced] = useState(body);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(body()), 400);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- body() reads these
  }, [operation, answers, filter]);
  const fields = campaignFields(operation);
  // A bump needs its module and version; an edit of details or admins needs something to change.
  const ready =
    debounced.operation === "bump-module"
      ? debounced.answers.module !== "" && debounced.answers.version !== ""
      : campaignFields(debounced.operation).length === 0 || Object.keys(debounced.answers).length > 0;
  const preview = useQuery({ ...campaignPreviewQuery(debounced), enabled: ready, placeholderData: keepPreviousData });
  const [focusSignal, setFocusSignal] = useState(0);
  const start = useMutation({
    mutationFn: () => startCampaign({ ...body(), title: title.trim(), prsPerMinute: prsPerMinute === "" ? undefined : Number(prsPerMinute) }),
    onSuccess: (r) => router.push(`/campaigns/${r.id}`),
    onError: (e) => {
      if (e instanceof FieldErrors) setFocusSignal((n) => n + 1);
    },
  });
  const refused = start.error instanceof FieldErrors ? start.error.fields : {};
  const errors: Record<string, string> = { ...(preview.error instanceof FieldErrors ? preview.error.fields : {}), ...refused };
  const controls = new Set([
    "title",
    "operation",
    "prsPerMinute",
    ...(operation === "bump-module" ? ["answers.module", "answers.version"] : fields.map((f) => `answers.${f.name}`)),
    ...["q", "production", "module", "below", "missingTag", ...FILTER_SELECTS.map(([name]) => name)].map((n) => `filter.${n}`),
  ]);
  // An error belongs to its control, or to one it is nested under (`answers.add.0` is the teams to add).
  const general = Object.entries(errors).filter(([name]) => !controlOf(name, controls));
  const errorOf = (control: string) => Object.entries(errors).find(([name]) => controlOf(name, [control]))?.[1];
  const summary = Object.entries(refused).map(([name, message]) => {
    const control = controlOf(name, controls);
    return { target: control ? controlId(control) : "campaign-change", message };
  });
  const edit =
    <T,>(set: (f: (v: T) => T) => void) =>
    (apply: (v: T) => T) => {
      // A refused start's errors are about the answers as they were; the preview checks the new ones.
      if (start.error) start.reset();
      set(apply);
    };
  const setAnswer = (name: string, value: string) => edit(setAnswers)((a) => ({ ...a, [name]: value }));
  const setFilterValue = (name: string, value: string) => edit(setFilter)((f) => ({ ...f, [name]: value }));
  const chosenModule = options.modules.find((m) => m.name === answers.module);

  return (
    <form
      noValidate
      className="space-y-6"
      onSubmit={(event) => {
        event.preventDefault();
        start.mutate();
      }}
    >
      <ErrorSummary errors={summary} focusSignal={focusSignal} />
      <fieldset id="campaign-change" className={`${box} grid gap-3 md:grid-cols-2`}>
        <legend className="px-1 font-semibold">The change</legend>
        <Field name="operation" label="Change" error={errors.operation}>
          {(p) => (
            <select {...p} value={operation} onChange={(e) => edit(setOperation)(() => e.target.value)}>
              {CAMPAIGN_OPERATIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {operation === "bump-module" ? (
          <>
            <Field name="answers.module" label="Module" error={errors["answers.module"]}>
              {(p) => (
                <select {...p} value={answers.module ?? ""} onChange={(e) => setAnswer("module", e.target.value)}>
                  <option value="">Choose a module</option>
                  {options.modules.map((m) => (
                    <option key={m.name} value={m.name}>
                      {m.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              name="answers.version"
              label="Version"
              hint={`Every enabled block of the module moves to this version; pins already at or ahead of it are left${chosenModule ? `. The catalogue's latest is ${chosenModule.latest}` : ""}`}
              error={errors["answers.version"]}
            >
              {(p) => <input {...p} type="text" value={answers.version ?? ""} onChange={(e) => setAnswer("version", e.target.value)} />}
            </Field>
          </>
        ) : fields.length > 0 ? (
          <CampaignAnswerFields fields={fields} values={answers} errorOf={errorOf} onChange={setAnswer} />
        ) : (
          <p className="self-end text-sm">
            Adds the platform&apos;s mandatory default tags missing from each AWS provider&apos;s <code className="font-mono">default_tags</code>.
          </p>
        )}
      </fieldset>

      <fieldset id="campaign-filter" className={`${box} grid gap-3 sm:grid-cols-2 lg:grid-cols-4`}>
        <legend className="px-1 font-semibold">Namespaces</legend>
        <p className="text-sm sm:col-span-2 lg:col-span-4">Any of the inventory&apos;s filters; a namespace must match all of them.</p>
        <div className="sm:col-span-2">
          <Field name="filter.q" label="Search" hint="Name, application, team or owner" error={errors["filter.q"]}>
            {(p) => <input {...p} type="search" value={filter.q ?? ""} maxLength={200} onChange={(e) => setFilterValue("q", e.target.value)} />}
          </Field>
        </div>
        {FILTER_SELECTS.map(([name, label, list]) => (
          <Field key={name} name={`filter.${name}`} label={label} error={errors[`filter.${name}`]}>
            {(p) => (
              <select {...p} value={filter[name] ?? ""} onChange={(e) => setFilterValue(name, e.target.value)}>
                <option value="">Any</option>
                {options[list].map((v) => (
                  <option key={v} value={v}>
                    {v}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ))}
        <Field name="filter.production" label="Production" error={errors["filter.production"]}>
          {(p) => (
            <select {...p} value={filter.production ?? ""} onChange={(e) => setFilterValue("production", e.target.value)}>
              <option value="">Any</option>
              <option value="true">Production</option>
              <option value="false">Non-production</option>
            </select>
          )}
        </Field>
        <Field name="filter.module" label="Uses module" error={errors["filter.module"]}>
          {(p) => (
            <select {...p} value={filter.module ?? ""} onChange={(e) => setFilterValue("module", e.target.value)}>
              <option value="">Any</option>
              {options.modules.map((m) => (
                <option key={m.name} value={m.name}>
                  {m.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="filter.below" label="Pinned below version" hint="With a module: a block of it pinned below this" error={errors["filter.below"]}>
          {(p) => <input {...p} type="text" value={filter.below ?? ""} maxLength={200} onChange={(e) => setFilterValue("below", e.target.value)} />}
        </Field>
        <Field name="filter.missingTag" label="Missing default tag" hint="e.g. service-area" error={errors["filter.missingTag"]}>
          {(p) => <input {...p} type="text" value={filter.missingTag ?? ""} maxLength={200} onChange={(e) => setFilterValue("missingTag", e.target.value)} />}
        </Field>
      </fieldset>

      <div aria-live="polite" className="space-y-4">
        <PreviewProblems general={general} error={preview.error} />
        {!ready && (
          <p className="text-sm">{operation === "bump-module" ? "Choose a module and a version" : "Fill in a field"} to see what the campaign changes.</p>
        )}
        {ready && preview.isFetching && !preview.data && <p className="text-sm">Previewing…</p>}
        {ready && preview.data && <CampaignPreviewView preview={preview.data} body={debounced} />}
      </div>

      <fieldset className={`${box} grid gap-3 md:grid-cols-2`}>
        <legend className="px-1 font-semibold">Start</legend>
        <Field name="title" label="Title" hint="Shown on the campaign's page and its pull requests" error={errors.title}>
          {(p) => <input {...p} type="text" value={title} maxLength={200} onChange={(e) => edit(setTitle)(() => e.target.value)} />}
        </Field>
        <Field
          name="prsPerMinute"
          label="Pull requests per minute"
          hint={`From 1 to ${options.maxPrsPerMinute}; Berth also waits while GitHub's budget says background work must pause`}
          error={errors.prsPerMinute}
        >
          {(p) => (
            <input
              {...p}
              type="number"
              min={1}
              max={options.maxPrsPerMinute}
              value={prsPerMinute}
              onChange={(e) => edit(setPrsPerMinute)(() => e.target.value)}
            />
          )}
        </Field>
      </fieldset>
      {start.error && !(start.error instanceof FieldErrors) && (
        <p role="alert" className="text-sm text-rose-800">
          {start.error.message}
        </p>
      )}
      <button
        type="submit"
        disabled={start.isPending}
        className="rounded bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800 disabled:opacity-60"
      >
        {start.isPending ? "Starting…" : "Start the campaign"}
      </button>
    </form>
  );
}
