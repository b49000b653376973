"use client";

import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { isMajorBump } from "@/lib/environments/profile/module-version";
import { RESOURCE_KINDS, type ResourceKind } from "@/lib/environments/requests/resource-request";
import { DraftNotice } from "./draft-notice";
import { ErrorSummary, focusById, type SummaryError } from "./error-summary";
import { FieldErrors } from "./request-api";
import { ResourceField } from "./resource-field";
import { ResourcePreview, type ResourcePreviewData } from "./resource-preview";
import { useFormDraft } from "./use-form-draft";

export type ResourceEntry = Record<string, unknown> & { kind: ResourceKind };

async function call<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const json = await response.json().catch(() => null);
  if (response.status === 422 && json?.error?.fields) throw new FieldErrors(json.error.fields);
  if (!response.ok) throw new Error(json?.error?.message ?? `Berth answered ${response.status}`);
  return json as T;
}

const kindOf = (kind: ResourceKind) => RESOURCE_KINDS.find((k) => k.kind === kind)!;

function newEntry(kind: ResourceKind): ResourceEntry {
  const entry: ResourceEntry = { kind };
  for (const field of kindOf(kind).fields) {
    if (field.default !== undefined) entry[field.name] = field.default;
    else if (field.type === "resources" || field.type === "list") entry[field.name] = [];
    else if (field.type !== "boolean" && field.type !== "number") entry[field.name] = "";
  }
  return entry;
}

/** Touched field keys (`resources.2.name`) after entry `removed` goes: later entries move up one. */
function shiftTouched(touched: Set<string>, removed: number): Set<string> {
  const next = new Set<string>();
  for (const key of touched) {
    const [, index, ...rest] = key.split(".");
    const i = Number(index);
    if (i < removed) next.add(key);
    else if (i > removed) next.add(["resources", i - 1, ...rest].join("."));
  }
  return next;
}

interface Props {
  endpoint: string;
  /** Module blocks already in the namespace: upgrade targets (pin, catalogue's latest) and IRSA policy sources (`policy`, from the catalogue). */
  modules: { name: string; module: string; ref: string | null; latest: string | null; policy: boolean }[];
  /** The kinds whose catalogue module gives an IRSA policy (irsaPolicyKinds): what an IRSA role in this request may take. */
  irsaKinds: ResourceKind[];
  /** A revision: the request's id and answers, and where the revised answers go. */
  revise?: { id: string; url: string; entries: ResourceEntry[] };
}

/** AWS resources for a namespace: one entry per resource, checked as you type, with the files and the review prediction. */
export function ResourceRequestForm({ endpoint, modules, irsaKinds, revise }: Props) {
  const router = useRouter();
  const draft = useFormDraft<ResourceEntry[]>(`berth:draft:resource-request:${endpoint}:${revise?.id ?? "new"}`, revise?.entries ?? []);
  const entries = draft.answers;
  const [adding, setAdding] = useState<ResourceKind>("rds");
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [sent, setSent] = useState<ResourceEntry[] | null>(null);
  const [focusSignal, setFocusSignal] = useState(0);
  const [announcement, setAnnouncement] = useState("");
  const focusNext = useRef<string | null>(null);
  const [debounced, setDebounced] = useState(entries);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(entries), 300);
    return () => clearTimeout(timer);
  }, [entries]);
  useEffect(() => {
    if (focusNext.current) focusById(focusNext.current);
    focusNext.current = null;
  }, [entries]);
  const preview = useQuery({
    queryKey: ["resource-preview", endpoint, debounced],
    queryFn: () => call<ResourcePreviewData>(`${endpoint}/preview`, { resources: debounced }),
    enabled: debounced.length > 0,
    placeholderData: keepPreviousData,
  });
  const submit = useMutation({
    mutationFn: (sending: ResourceEntry[]) => call<{ url: string }>(revise?.url ?? endpoint, { resources: sending }),
    onSuccess: (r) => {
      draft.forget();
      router.push(r.url);
    },
    onError: () => setFocusSignal((n) => n + 1),
  });
  // The server's answer to a submit stands only for the entries it was given; after a change the live check's errors take over.
  const all = { ...(preview.data?.fields ?? {}), ...(submit.error instanceof FieldErrors && sent === entries ? submit.error.fields : {}) };
  // The preview lags the entries by its debounce: an error of an entry just removed is dropped, not shown against the wrong one.
  const fields = Object.fromEntries(Object.entries(all).filter(([key]) => entries.length > 0 && Number(key.split(".")[1] ?? 0) < entries.length));
  const shown = (key: string) => submitted || touched.has(key);
  const errorAt = (base: string) => (shown(base) ? Object.entries(fields).find(([key]) => key === base || key.startsWith(`${base}.`))?.[1] : undefined);
  const touch = (key: string) => setTouched((t) => (t.has(key) ? t : new Set(t).add(key)));

  const update = (index: number, name: string, value: unknown) => {
    touch(`resources.${index}.${name}`);
    draft.update((list) =>
      list.map((e, i) => {
        if (i !== index) return e;
        // An upgrade goes to the catalogue's version: choosing the block fills it in.
        if (e.kind === "upgrade" && name === "name") return { ...e, name: value, version: modules.find((m) => m.name === value)?.latest ?? "" };
        return { ...e, [name]: value };
      }),
    );
  };
  const policyTargets = (index: number) => [
    ...modules.filter((m) => m.policy).map((m) => m.name),
    ...entries.filter((e, i) => i !== index && irsaKinds.includes(e.kind) && String(e.name ?? "") !== "").map((e) => String(e.name)),
  ];
  const add = () => {
    const index = entries.length;
    focusNext.current = `resource-${index}-heading`;
    setAnnouncement(`Added ${kindOf(adding).label} as resource ${index + 1}.`);
    draft.update((list) => [...list, newEntry(adding)]);
  };
  const remove = (index: number) => {
    const count = entries.length - 1;
    focusNext.current = count === 0 ? "add-kind" : `resource-${Math.max(0, index - 1)}-heading`;
    setAnnouncement(`Removed ${kindOf(entries[index]!.kind).label}. ${count} resource${count === 1 ? "" : "s"} in the request.`);
    setTouched((t) => shiftTouched(t, index));
    draft.update((list) => list.filter((_, i) => i !== index));
  };
  const summary: SummaryError[] = submitted
    ? Object.entries(fields).map(([key, message]) => {
        const [, index, name] = key.split(".");
        return {
          target: index !== undefined && name !== undefined ? `r${index}-${name}` : "add-kind",
          message: index !== undefined ? `Resource ${Number(index) + 1}: ${message}` : message,
        };
      })
    : [];

  return (
    <form
      noValidate
      aria-label="Request AWS resources"
      className="grid gap-6 xl:grid-cols-2 xl:items-start"
      onSubmit={(event) => {
        event.preventDefault();
        setSubmitted(true);
        setSent(entries);
        submit.mutate(entries);
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
            setAnnouncement("Your answers were discarded.");
          }}
        />
        {entries.map((entry, index) => {
          const kind = kindOf(entry.kind);
          const target = entry.kind === "upgrade" ? modules.find((m) => m.name === entry.name) : undefined;
          const bump =
            target?.ref && typeof entry.version === "string" && isMajorBump(target.ref, entry.version)
              ? `${target.ref} to ${entry.version} is a new major version of ${target.module}: its inputs or behaviour may have changed, so read the module's release notes; reviewers see this flagged.`
              : undefined;
          return (
            <fieldset key={index} aria-labelledby={`resource-${index}-heading`} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <h2 id={`resource-${index}-heading`} tabIndex={-1} className="px-1 font-semibold">
                {index + 1}. {kind.label}
              </h2>
              <p className="text-sm text-slate-700">{kind.description}</p>
              <div className="grid gap-3 md:grid-cols-2">
                {kind.fields.map((field) => (
                  <ResourceField
                    key={field.name}
                    id={`r${index}-${field.name}`}
                    field={field}
                    value={entry[field.name]}
                    error={errorAt(`resources.${index}.${field.name}`)}
                    choices={field.type === "module" ? modules.map((m) => m.name) : policyTargets(index)}
                    onChange={(value) => update(index, field.name, value)}
                    onBlur={() => touch(`resources.${index}.${field.name}`)}
                    note={field.name === "version" ? bump : undefined}
                  />
                ))}
              </div>
              <button type="button" className="text-sm text-blue-800 underline" onClick={() => remove(index)}>
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
            <select
              id="add-kind"
              value={adding}
              onChange={(e) => setAdding(e.target.value as ResourceKind)}
              className="w-full rounded border border-slate-500 bg-white px-2 py-1.5 text-sm"
            >
              {RESOURCE_KINDS.map((k) => (
                <option key={k.kind} value={k.kind}>
                  {k.label}
                </option>
              ))}
            </select>
          </div>
          <button type="button" onClick={add} className="rounded border border-blue-700 px-4 py-2 text-sm font-semibold text-blue-800">
            Add to the request
          </button>
        </div>
        <p role="status" aria-live="polite" className="sr-only" data-testid="resource-announcement">
          {announcement}
        </p>
      </div>

      <ResourcePreview preview={preview.data ?? null} />

      <div className="space-y-2 xl:col-start-1">
        <button
          type="submit"
          disabled={submit.isPending || entries.length === 0}
          className="rounded bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800 disabled:opacity-60"
        >
          {submit.isPending ? "Opening the pull request…" : revise ? "Submit the revision" : "Submit the request"}
        </button>
        <p role="status" className="text-sm text-rose-800">
          {summary.length > 0 && submit.isError
            ? "Correct the fields marked above, then submit again."
            : submit.error && !(submit.error instanceof FieldErrors)
              ? submit.error.message
              : ""}
        </p>
      </div>
    </form>
  );
}
