import type { ReactNode } from "react";

/** A control's hint, its `aria-describedby` target `<id>-hint`. */
export function FieldHint({ id, children }: { id: string; children: ReactNode }) {
  return children ? (
    <span id={`${id}-hint`} className="text-xs text-slate-700">
      {children}
    </span>
  ) : null;
}

/** A control's error, its `aria-describedby` target `<id>-error`. */
export function FieldError({ id, children }: { id: string; children: ReactNode }) {
  return children ? (
    <span id={`${id}-error`} className="text-sm text-rose-800">
      {children}
    </span>
  ) : null;
}
