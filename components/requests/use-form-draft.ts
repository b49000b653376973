"use client";

import { useEffect, useRef, useState } from "react";

/**
 * A form's answers kept in the browser's sessionStorage under `key` until
 * submitted or discarded, so a refresh loses nothing. The key names the form
 * and what it is for (a namespace, a request being revised), so a draft is
 * only ever restored into the form it came from: a revise's initial answers
 * are not overwritten by a draft of another request. Nothing is stored until
 * the user changes something.
 */
export function useFormDraft<T>(key: string, initial: T) {
  const [answers, setAnswers] = useState<T>(initial);
  const [restored, setRestored] = useState(false);
  const changed = useRef(false);
  useEffect(() => {
    const stored = window.sessionStorage.getItem(key);
    if (stored === null) return;
    try {
      // Note: a draft of this same form and target, written by this tab; its shape is checked again by the server on submit.
      // sessionStorage exists only in the browser, after hydration: restoring it is the external sync an effect is for.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setAnswers(JSON.parse(stored) as T);
      setRestored(true);
    } catch {
      window.sessionStorage.removeItem(key);
    }
  }, [key]);
  useEffect(() => {
    if (changed.current) window.sessionStorage.setItem(key, JSON.stringify(answers));
  }, [key, answers]);
  return {
    answers,
    restored,
    /** Changes the answers and keeps them. */
    update(next: (current: T) => T) {
      changed.current = true;
      setAnswers(next);
    },
    /** Forgets the stored draft (after a submit) without touching the form. */
    forget() {
      changed.current = false;
      window.sessionStorage.removeItem(key);
    },
    /** Forgets the stored draft and starts again from the initial answers. */
    discard() {
      changed.current = false;
      window.sessionStorage.removeItem(key);
      setAnswers(initial);
      setRestored(false);
    },
  };
}
