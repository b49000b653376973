"use client";

import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { RESOURCE_KINDS, type ResourceField, type ResourceKind } from "@/lib/environments/requests/resource-request";
import { diffLines } from "./diff-lines";
import type { CheckResult } from "@/lib/environments/checks/change";
import type { ReviewForecast } from "@/lib/environments/checks/review-forecast";
import { CheckResults } from "./check-results";
import { FieldErrors } from "./request-api";
import { ReviewForecastView } from "./review-forecast-view";

export type Entry = Record<string, unknown> & { kind: ResourceKind };

interface Preview {
  fields: Record<string, string>;
  checks: CheckResult[];
  files: { path: string; content: string; previous: string | null }[];
  review: ReviewForecast | null;
}

const input = "w-full rounded border border-slate-500 bg-white px-2 py-1.5 text-sm aria-[invalid=true]:border-rose-700";

async function call<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const json = await response.json().catch(() => null);
  if (response.status === 422 && json?.error?.fields) throw new FieldErrors(json.error.fields);
  if (!response.ok) throw new Error(json?.error?.message ?? `Berth answered ${response.status}`);
  return json as T;
}

function newEntry(kind: ResourceKind): Entry {
  const entry: Entry = { kind };
  for (const field of RESOURCE_KINDS.find((k) => k.kind === kind)!.fields) {
    if (field.default !== undefined) entry[field.name] = field.default;
    else if (field.type === "resources" || field.type === "list") entry[field.name] = [];
    else if (field.type !== "boolean" && field.type !== "number") entry[field.name] = "";
  }
  return entry;
}

interface Props {
  endpoint: string;
  /** Module blocks already in the namespace: for IRSA policies and upgrades. */
  modules: { name: string; module: string }[];
  /** A revision: the request's answers, and where the revised answers go. */
  revise?: { url: string; entries: Entry[] };
}

/** AWS resources for a namespace: one entry per resource, checked as you type, with the files and the review prediction. */
export function ResourceRequestForm({ endpoint, modules, revise }: Props) {
  const router = useRouter();
  const [entries, setEntries] = useState<Entry[]>(revise?.entries ?? []);
  const [adding, setAdding] = useState<ResourceKind>("rds");
  const [debounced, setDebounced] = useState(entries);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(entries), 300);
    return () => clearTimeout(timer);
  }, [entries]);
  const preview = useQuery({
    queryKey: ["resource-preview", endpoint, debounced],
    queryFn: () => call<Preview>(`${endpoint}/preview`, { resources: debounced }),
    enabled: debounced.length > 0,
    placeholderData: keepPreviousData,
  });
  const submit = useMutation({
    mutationFn: () => call<{ url: string }>(revise?.url ?? endpoint, { resources: entries }),
    onSuccess: (r) => router.push(r.url),
  });
  const fields = { ...(preview.data?.fields ?? {}), ...(submit.error instanceof FieldErrors ? submit.error.fields : {}) };

  const update = (index: number, name: string, value: unknown) => setEntries((list) => list.map((e, i) => (i === index ? { ...e, [name]: value } : e)));
  const policyTargets = (index: number) =>
    [...modules.map((m) => m.name), ...entries.filter((e, i) => i !== index && e.kind !== "irsa" && e.kind !== "upgrade").map((e) => String(e.name))].filter(
      Boolean,
    );

  function control(entry: Entry, index: number, field: ResourceField) {
    const id = `r${index}-${field.name}`;
    // A field's error may sit on one of its items (resources.0.policies.1).
    const base = `resources.${index}.${field.name}`;
    const error = Object.entries(fields).find(([key]) => key === base || key.startsWith(`${base}.`))?.[1];
    const common = {
      id,
      "aria-invalid": Boolean(error),
      "aria-describedby": [field.help ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined,
    };
    let widget;
    if (field.type === "boolean") {
      widget = (
        <input
          {...common}
          type="checkbox"
          className="h-5 w-5"
          checked={Boolean(entry[field.name])}
          onChange={(e) => update(index, field.name, e.target.checked)}
        />
      );
    } else if (field.type === "select" || field.type === "module") {
      const options = field.type === "module" ? modules.map((m) => m.name) : (field.options ?? []);
      widget = (
        <select {...common} className={input} value={String(entry[field.name] ?? "")} onChange={(e) => update(index, field.name, e.target.value)}>
          {field.type === "module" && <option value="">Choose a module block</option>}
          {options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      );
    } else if (field.type === "resources") {
      const chosen = (entry[field.name] as string[]) ?? [];
      widget = (
        <fieldset {...common} className="flex flex-wrap gap-3">
          <legend className="sr-only">{field.label}</legend>
          {policyTargets(index).map((target) => (
            <label key={target} className="flex min-h-6 items-center gap-1 text-sm">
              <input
                type="checkbox"
                checked={chosen.includes(target)}
                onChange={(e) => update(index, field.name, e.target.checked ? [...chosen, target] : chosen.filter((c) => c !== target))}
              />
              {target}
            </label>
          ))}
        </fieldset>
      );
    } else {
      const value = field.type === "list" ? ((entry[field.name] as string[]) ?? []).join(", ") : String(entry[field.name] ?? "");
      widget = (
        <input
          {...common}
          className={input}
          type={field.type === "number" ? "number" : "text"}
          value={value}
          onChange={(e) =>
            update(
              index,
              field.name,
              field.type === "number"
                ? e.target.value === ""
                  ? undefined
                  : Number(e.target.value)
                : field.type === "list"
                  ? e.target.value
                      .split(",")
                      .map((s) => s.trim())
                      .filter(Boolean)
                  : e.target.value,
            )
          }
        />
      );
    }
    return (
      <div key={field.name} className={`flex ${field.type === "boolean" ? "flex-row-reverse items-center justify-end" : "flex-col"} gap-1`}>
        {field.type === "resources" ? (
          <span className="text-sm font-medium">{field.label}</span>
        ) : (
          <label htmlFor={id} className="text-sm font-medium">
            {field.label}
          </label>
        )}
        {widget}
        {field.help && (
          <span id={`${id}-hint`} className="text-xs text-slate-700">
            {field.help}
          </span>
        )}
        {error && (
          <span id={`${id}-error`} className="text-sm text-rose-800">
            {error}
          </span>
        )}
      </div>
    );
  }

  return (
    <form
      noValidate
      className="space-y-6"
      onSubmit={(event) => {
        event.preventDefault();
        submit.mutate();
      }}
    >
      {entries.map((entry, index) => {
        const kind = RESOURCE_KINDS.find((k) => k.kind === entry.kind)!;
        return (
          <fieldset key={index} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <legend className="px-1 font-semibold">
              {index + 1}. {kind.label}
            </legend>
            <p className="text-sm text-slate-700">{kind.description}</p>
            <div className="grid gap-3 md:grid-cols-2">{kind.fields.map((field) => control(entry, index, field))}</div>
            <button type="button" className="text-sm text-blue-800 underline" onClick={() => setEntries((list) => list.filter((_, i) => i !== index))}>
              Remove {kind.label.toLowerCase()}
            </button>
          </fieldset>
        );
      })}

      <div className="flex flex-wrap items-end gap-3 rounded-lg border border-dashed border-slate-400 p-4">
        <div className="flex flex-col gap-1">
          <label htmlFor="add-kind" className="text-sm font-medium">
            Resource to add
          </label>
          <select id="add-kind" value={adding} onChange={(e) => setAdding(e.target.value as ResourceKind)} className={input}>
            {RESOURCE_KINDS.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.label}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          onClick={() => setEntries((list) => [...list, newEntry(adding)])}
          className="rounded border border-blue-700 px-4 py-2 text-sm font-semibold text-blue-800"
        >
          Add to the request
        </button>
      </div>

      {preview.data && (
        <>
          <section aria-labelledby="review-forecast" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <h2 id="review-forecast" className="mb-2 font-semibold">
              Review forecast
            </h2>
            {preview.data.review ? (
              <ReviewForecastView forecast={preview.data.review} />
            ) : (
              <p className="text-sm">Complete the fields to see how this request will be reviewed.</p>
            )}
            <div className="mt-2">
              <CheckResults results={preview.data.checks} />
            </div>
          </section>
          <section aria-labelledby="changed-files" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <h2 id="changed-files" className="mb-2 font-semibold">
              Files the pull request changes
            </h2>
            <ul className="space-y-2">
              {preview.data.files.map((f) => (
                <li key={f.path}>
                  <details>
                    <summary className="cursor-pointer font-mono text-sm text-blue-800 underline">
                      {f.path} {f.previous === null ? "(new)" : "(changed)"}
                    </summary>
                    <pre tabIndex={0} aria-label={`Changes to ${f.path}`} className="mt-1 overflow-x-auto rounded bg-slate-50 p-2 font-mono text-xs">
                      {diffLines(f.previous, f.content)}
                    </pre>
                  </details>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}

      <div className="space-y-2">
        <button
          type="submit"
          disabled={submit.isPending || entries.length === 0}
          className="rounded bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800 disabled:opacity-60"
        >
          {submit.isPending ? "Opening the pull request…" : revise ? "Submit the revision" : "Submit the request"}
        </button>
        <p role="status" className="text-sm text-rose-800">
          {Object.keys(fields).length > 0 && submit.isError
            ? "Correct the fields marked above, then submit again."
            : submit.error && !(submit.error instanceof FieldErrors)
              ? submit.error.message
              : ""}
        </p>
      </div>
    </form>
  );
}
