import type { ReactNode } from "react";
import { FieldError, FieldHint } from "../requests/field-messages";

const inputClass = "w-full rounded border border-slate-500 bg-white px-2 py-1.5 text-sm aria-[invalid=true]:border-rose-700";

/** The id of the control a field error names (`answers.module` -> campaign-answers-module). */
export const controlId = (name: string) => `campaign-${name.replace(/\./g, "-")}`;

interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  children: (props: { id: string; "aria-invalid": boolean; "aria-describedby"?: string; className: string }) => ReactNode;
}

/** A labelled control with its hint and its error, described by both. */
export function Field({ name, label, hint, error, children }: FieldProps) {
  const id = controlId(name);
  const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children({ id, "aria-invalid": Boolean(error), "aria-describedby": described, className: inputClass })}
      <FieldHint id={id}>{hint}</FieldHint>
      <FieldError id={id}>{error}</FieldError>
    </div>
  );
}
