"use client";

import { useEffect, useRef } from "react";

export interface SummaryError {
  /** The id of the field (or section) the link moves to. */
  target: string;
  message: string;
}

/** Moves focus to an element by id, making a non-focusable target (a heading, a group) focusable for the purpose. */
export function focusById(id: string): void {
  const element = document.getElementById(id);
  if (!element) return;
  if (element.tabIndex < 0 && !element.hasAttribute("tabindex")) element.setAttribute("tabindex", "-1");
  element.focus();
  element.scrollIntoView({ block: "center" });
}

/**
 * The GOV.UK error summary: after a failed submit, the errors at the top of
 * the form, each a link to its field; focus moves here each time `focusSignal`
 * changes, so a screen reader hears "There is a problem" and the list.
 */
export function ErrorSummary({ errors, focusSignal }: { errors: SummaryError[]; focusSignal: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusSignal > 0) ref.current?.focus();
  }, [focusSignal]);
  if (errors.length === 0) return null;
  return (
    <div
      ref={ref}
      role="alert"
      tabIndex={-1}
      aria-labelledby="error-summary-title"
      data-testid="error-summary"
      className="rounded border-4 border-rose-700 bg-white p-4 focus:outline focus:outline-4 focus:outline-offset-2 focus:outline-amber-400"
    >
      <h2 id="error-summary-title" className="mb-2 text-lg font-semibold">
        There is a problem
      </h2>
      <ul className="space-y-1 text-sm">
        {errors.map((e) => (
          <li key={`${e.target}:${e.message}`}>
            <a
              href={`#${e.target}`}
              className="font-medium text-rose-800 underline"
              onClick={(event) => {
                event.preventDefault();
                focusById(e.target);
              }}
            >
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
