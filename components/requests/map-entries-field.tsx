"use client";

import { useState } from "react";
import type { EditField } from "./edit-fields";
import { defaultEntryName } from "./edit-form-fields";

interface Props {
  id: string;
  field: EditField;
  value: Record<string, string>;
  onChange: (value: Record<string, string>) => void;
  /** The ids of the field's hint and (preview) error, for the group's aria-describedby. */
  described: string | undefined;
}

const button = "rounded border border-slate-500 bg-white px-2 py-1 text-sm font-medium hover:bg-slate-100";

/**
 * A map(string) input (an irsa block's `role_policy_arns`) as a list of its
 * entries: each can be removed; new ones come from the values offered (the
 * namespace's IRSA policy sources) under a name. Entries the form cannot check
 * (`readOnly`) are kept as written or removed, never changed.
 */
export function MapEntriesField({ id, field, value, onChange, described }: Props) {
  const available = (field.options ?? []).filter((o) => !Object.values(value).includes(o));
  const [chosen, setChosen] = useState<string | null>(null);
  const [typed, setTyped] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const source = chosen !== null && available.includes(chosen) ? chosen : (available[0] ?? "");
  const key = typed ?? defaultEntryName(source);
  const add = () => {
    const name = key.trim();
    if (name === "") return setProblem("Enter a name for the entry");
    if (Object.hasOwn(value, name)) return setProblem(`${field.label} already has an entry named ${name}`);
    setProblem(null);
    setTyped(null);
    setChosen(null);
    onChange({ ...value, [name]: source });
  };
  const entries = Object.entries(value);
  return (
    <fieldset id={id} aria-describedby={described} className="space-y-2">
      <legend className="sr-only">{field.label}</legend>
      {entries.length === 0 ? (
        <p className="text-sm">No entries.</p>
      ) : (
        <ul className="space-y-1" aria-label={`Entries of ${field.label}`}>
          {entries.map(([name, text]) => (
            <li key={name} className="flex flex-wrap items-center gap-2 text-sm">
              <code className="font-mono text-xs">
                {name} = {text}
              </code>
              {field.readOnly?.includes(name) && <span className="text-xs text-slate-700">(an expression: kept as written)</span>}
              <button type="button" className={button} onClick={() => onChange(Object.fromEntries(entries.filter(([n]) => n !== name)))}>
                Remove<span className="sr-only"> {name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {available.length === 0 ? (
        <p className="text-sm text-slate-700">Every resource here that gives an IRSA policy is already in {field.label}.</p>
      ) : (
        <div className="flex flex-wrap items-end gap-2">
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-source`} className="text-sm">
              Policy to add
            </label>
            <select
              id={`${id}-source`}
              className="rounded border border-slate-500 bg-white px-2 py-1.5 text-sm"
              value={source}
              onChange={(e) => {
                setChosen(e.target.value);
                setTyped(null);
                setProblem(null);
              }}
            >
              {available.map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-key`} className="text-sm">
              Entry name
            </label>
            <input
              id={`${id}-key`}
              className="rounded border border-slate-500 bg-white px-2 py-1.5 text-sm aria-[invalid=true]:border-rose-700"
              value={key}
              aria-invalid={problem !== null}
              aria-describedby={problem ? `${id}-key-error` : undefined}
              onChange={(e) => {
                setTyped(e.target.value);
                setProblem(null);
              }}
            />
          </div>
          <button type="button" className={button} onClick={add}>
            Add a policy
          </button>
          {problem && (
            <span id={`${id}-key-error`} className="w-full text-sm text-rose-800">
              {problem}
            </span>
          )}
        </div>
      )}
    </fieldset>
  );
}
