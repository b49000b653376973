"use client";

import { PreviewProblems } from "./preview-problems";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { CheckResult } from "@/lib/environments/checks/change";
import type { ReviewForecast } from "@/lib/environments/checks/review-forecast";
import { CheckResults } from "./check-results";
import type { EditField } from "./edit-fields";
import { EditPreviewFiles, type EditPreviewFile } from "./edit-preview-files";
import { editAnswers } from "./edit-form-fields";
import { ErrorSummary } from "./error-summary";
import { ListInput } from "./list-input";
import { MapEntriesField } from "./map-entries-field";
import { FieldErrors } from "./request-api";
import { ReviewForecastView } from "./review-forecast-view";
import { FieldError, FieldHint } from "./field-messages";

interface EditPreview {
  fields: Record<string, string>;
  baseCommit: string;
  files: EditPreviewFile[];
  notes: string[];
  followUp: { operation: string; reason: string } | null;
  checks: CheckResult[];
  review: ReviewForecast | null;
  overlaps: { id: string; paths: string[] }[];
  flags: string[];
}

const box = "rounded-lg border border-slate-200 bg-white p-4 shadow-sm";
const inputClass = "w-full rounded border border-slate-500 bg-white px-2 py-1.5 text-sm aria-[invalid=true]:border-rose-700";

async function call<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const json = await response.json().catch(() => null);
  if (response.status === 422 && json?.error?.fields) throw new FieldErrors(json.error.fields);
  if (!response.ok) throw new Error(json?.error?.message ?? `Berth answered ${response.status}`);
  return json as T;
}

interface Props {
  cluster: string;
  namespace: string;
  operation: string;
  /** The indexed commit the page was built on. */
  baseCommit: string;
  fields: EditField[];
  /** The request whose follow-up this is. */
  after?: string;
  /** Answers sent as they are (a follow-up's, which the first step fixed). */
  base?: Record<string, unknown>;
  submitLabel: string;
}

/** An edit of what a namespace has: the answers checked as you type, with exactly the diff the pull request will hold, the checks and the forecast. */
export function EditRequestForm({ cluster, namespace, operation, baseCommit, fields: controls, after, base, submitLabel }: Props) {
  const router = useRouter();
  const [values, setValues] = useState<Record<string, unknown>>(() => Object.fromEntries(controls.map((c) => [c.name, c.initial])));
  const body = () => ({ cluster, namespace, operation, ...editAnswers(controls, values, base), ...(after ? { after } : {}) });
  const [debounced, setDebounced] = useState(body);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(body()), 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- body() reads values, which is the dependency
  }, [values]);
  const preview = useQuery({
    queryKey: ["edit-preview", debounced],
    queryFn: () => call<EditPreview>("/api/requests/edit/preview", debounced),
    placeholderData: keepPreviousData,
  });
  // Note: the submit names the commit of the preview on screen, so the pull request is the diff shown, or a field error.
  const [focusSignal, setFocusSignal] = useState(0);
  const submit = useMutation({
    mutationFn: () => call<{ url: string }>("/api/requests/edit", { ...body(), baseCommit: preview.data?.baseCommit ?? baseCommit }),
    onSuccess: (r) => router.push(r.url),
    onError: (e) => {
      if (e instanceof FieldErrors) setFocusSignal((n) => n + 1);
    },
  });
  const errors = { ...(preview.data?.fields ?? {}), ...(submit.error instanceof FieldErrors ? submit.error.fields : {}) };
  const own = (name: string) => Object.entries(errors).find(([key]) => key === name || key.startsWith(`${name}.`))?.[1];
  const general = Object.entries(errors).filter(([key]) => !controls.some((c) => key === c.name || key.startsWith(`${c.name}.`)));
  const set = (name: string, value: unknown) => {
    // A refused submit's errors are about the answers as they were; the preview checks the new ones.
    if (submit.error) submit.reset();
    setValues((v) => ({ ...v, [name]: value }));
  };
  // After a refused submit, the GOV.UK error summary: each error a link to its control (or to the changes as a whole).
  const summary =
    submit.error instanceof FieldErrors
      ? Object.entries(submit.error.fields).map(([key, message]) => {
          const control = controls.find((c) => key === c.name || key.startsWith(`${c.name}.`));
          return { target: control ? `edit-${control.name}` : "edit-changes", message };
        })
      : [];
  const data = preview.data;

  return (
    <form
      noValidate
      className="space-y-6"
      onSubmit={(event) => {
        event.preventDefault();
        submit.mutate();
      }}
    >
      <ErrorSummary errors={summary} focusSignal={focusSignal} />
      <fieldset id="edit-changes" className={`${box} grid gap-3 md:grid-cols-2`}>
        <legend className="px-1 font-semibold">Changes</legend>
        {controls.map((c) => {
          const id = `edit-${c.name}`;
          const error = own(c.name);
          const described = [c.help ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
          const value = values[c.name];
          let widget;
          if (c.type === "checkbox")
            widget = (
              <input
                id={id}
                type="checkbox"
                className="h-5 w-5"
                aria-invalid={Boolean(error)}
                aria-describedby={described}
                checked={Boolean(value)}
                onChange={(e) => set(c.name, e.target.checked)}
              />
            );
          else if (c.type === "map")
            widget = (
              <MapEntriesField id={id} field={c} value={(value as Record<string, string>) ?? {}} onChange={(v) => set(c.name, v)} described={described} />
            );
          else if (c.type === "choices") {
            const chosen = (value as string[]) ?? [];
            widget = (
              <fieldset id={id} aria-describedby={described} className="flex flex-wrap gap-3">
                <legend className="sr-only">{c.label}</legend>
                {(c.options ?? []).map((o) => (
                  <label key={o} className="flex min-h-6 items-center gap-1 text-sm">
                    <input
                      type="checkbox"
                      checked={chosen.includes(o)}
                      onChange={(e) => set(c.name, e.target.checked ? [...chosen, o] : chosen.filter((x) => x !== o))}
                    />
                    {o}
                  </label>
                ))}
              </fieldset>
            );
          } else if (c.type === "list")
            widget = (
              <ListInput
                id={id}
                className={inputClass}
                aria-invalid={Boolean(error)}
                aria-describedby={described}
                value={(value as string[]) ?? []}
                onChange={(items) => set(c.name, items)}
              />
            );
          else
            widget = (
              <input
                id={id}
                className={inputClass}
                type={c.type === "number" ? "number" : "text"}
                aria-invalid={Boolean(error)}
                aria-describedby={described}
                value={String(value ?? "")}
                onChange={(e) => set(c.name, c.type === "number" ? (e.target.value === "" ? undefined : Number(e.target.value)) : e.target.value)}
              />
            );
          return (
            <div
              key={c.name}
              className={`flex ${c.type === "checkbox" ? "flex-row-reverse items-center justify-end" : "flex-col"} gap-1 ${c.type === "map" ? "md:col-span-2" : ""}`}
            >
              {c.type === "choices" || c.type === "map" ? (
                <span className="text-sm font-medium">{c.label}</span>
              ) : (
                <label htmlFor={id} className="text-sm font-medium">
                  {c.label}
                </label>
              )}
              {widget}
              <FieldHint id={id}>{c.help}</FieldHint>
              <FieldError id={id}>{error}</FieldError>
            </div>
          );
        })}
      </fieldset>

      <div aria-live="polite" className="space-y-4">
        <PreviewProblems general={general} error={preview.error} />
        {data && data.overlaps.length > 0 && (
          <p role="status" data-testid="overlaps" className="rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950">
            Other open requests change the same files:{" "}
            {data.overlaps.map((o) => `request ${o.id} (${o.paths.map((p) => p.split("/").pop()).join(", ")})`).join("; ")}. Whichever merges second may need to
            be submitted again.
          </p>
        )}
        {data?.followUp && (
          <p className="rounded border border-sky-400 bg-sky-50 p-3 text-sm text-sky-950">
            This is the first of two steps: {data.followUp.reason}. Berth proposes the next step once this one is applied.
          </p>
        )}
        {data && [...data.notes, ...data.flags].length > 0 && (
          <ul className="list-disc pl-6 text-sm">
            {[...data.notes, ...data.flags].map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        )}
        {data && (
          <section aria-labelledby="edit-files" className={box}>
            <h2 id="edit-files" className="mb-2 font-semibold">
              Files the pull request changes
            </h2>
            <EditPreviewFiles files={data.files} />
          </section>
        )}
        {data?.review && (
          <section aria-labelledby="edit-forecast" className={box}>
            <h2 id="edit-forecast" className="mb-2 font-semibold">
              Review forecast
            </h2>
            <ReviewForecastView forecast={data.review} />
          </section>
        )}
        {data && data.checks.length > 0 && (
          <section aria-labelledby="edit-checks" className={box}>
            <h2 id="edit-checks" className="mb-2 font-semibold">
              The repository&apos;s checks
            </h2>
            <CheckResults results={data.checks} />
          </section>
        )}
        {submit.error && !(submit.error instanceof FieldErrors) && (
          <p role="alert" className="text-sm text-rose-800">
            {submit.error.message}
          </p>
        )}
      </div>
      <button
        type="submit"
        disabled={submit.isPending}
        className="rounded bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800 disabled:opacity-60"
      >
        {submit.isPending ? "Submitting…" : submitLabel}
      </button>
    </form>
  );
}
