"use client";

import { ListInput } from "./list-input";
import type { ResourceField as Field } from "@/lib/environments/requests/resource-request";
import { FieldError, FieldHint } from "./field-messages";

const input = "w-full rounded border border-slate-500 bg-white px-2 py-1.5 text-sm aria-[invalid=true]:border-rose-700";

interface Props {
  id: string;
  field: Field;
  value: unknown;
  error: string | undefined;
  /** For a module field: the namespace's module blocks; for a resources field: the names that give an IRSA policy. */
  choices: string[];
  onChange: (value: unknown) => void;
  onBlur: () => void;
  /** Shown under the field after its hint (an upgrade's major-version warning). */
  note?: string;
}

/** One answer of a resource entry, rendered from the kind's field description. */
export function ResourceField({ id, field, value, error, choices, onChange, onBlur, note }: Props) {
  const common = {
    id,
    onBlur,
    "aria-invalid": Boolean(error),
    "aria-describedby": [field.help ? `${id}-hint` : "", note ? `${id}-note` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined,
  };
  let widget;
  if (field.type === "boolean") {
    widget = <input {...common} type="checkbox" className="h-5 w-5" checked={Boolean(value)} onChange={(e) => onChange(e.target.checked)} />;
  } else if (field.type === "select" || field.type === "module") {
    const options = field.type === "module" ? choices : (field.options ?? []);
    widget = (
      <select {...common} className={input} value={String(value ?? "")} onChange={(e) => onChange(e.target.value)}>
        {field.type === "module" && <option value="">Choose a module block</option>}
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    );
  } else if (field.type === "resources") {
    const chosen = (value as string[]) ?? [];
    widget = (
      <fieldset {...common} tabIndex={-1} className="flex flex-wrap gap-3">
        <legend className="sr-only">{field.label}</legend>
        {choices.length === 0 && <span className="text-sm text-slate-700">No resource here gives an IRSA policy yet: add one to the request.</span>}
        {choices.map((target) => (
          <label key={target} className="flex min-h-6 items-center gap-1 text-sm">
            <input
              type="checkbox"
              checked={chosen.includes(target)}
              onChange={(e) => onChange(e.target.checked ? [...chosen, target] : chosen.filter((c) => c !== target))}
            />
            {target}
          </label>
        ))}
      </fieldset>
    );
  } else {
    widget =
      field.type === "list" ? (
        <ListInput {...common} className={input} value={(value as string[]) ?? []} onChange={onChange} />
      ) : (
        <input
          {...common}
          className={input}
          type={field.type === "number" ? "number" : "text"}
          value={String(value ?? "")}
          onChange={(e) => onChange(field.type === "number" ? (e.target.value === "" ? undefined : Number(e.target.value)) : e.target.value)}
        />
      );
  }
  return (
    <div className={`flex ${field.type === "boolean" ? "flex-row-reverse items-center justify-end" : "flex-col"} gap-1`}>
      {field.type === "resources" ? (
        <span className="text-sm font-medium">{field.label}</span>
      ) : (
        <label htmlFor={id} className="text-sm font-medium">
          {field.label}
        </label>
      )}
      {widget}
      <FieldHint id={id}>{field.help}</FieldHint>
      {note && (
        <span id={`${id}-note`} className="rounded bg-amber-50 px-2 py-1 text-sm text-amber-950" data-testid="major-bump-warning">
          {note}
        </span>
      )}
      <FieldError id={id}>{error}</FieldError>
    </div>
  );
}
