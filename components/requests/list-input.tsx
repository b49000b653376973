"use client";

import { useState, type InputHTMLAttributes } from "react";
import { parseList } from "./parse-list";

type ListInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange" | "type"> & {
  value: string[];
  onChange: (items: string[]) => void;
};

/**
 * A text input for a comma-separated list. It keeps the text as typed, so
 * the comma before the next item stays while it is typed, and reports the
 * items; a value changed from outside (a reset) replaces the text.
 */
export function ListInput({ value, onChange, ...rest }: ListInputProps) {
  const [text, setText] = useState(() => value.join(", "));
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (parseList(text).join("\n") !== value.join("\n")) setText(value.join(", "));
  }
  return (
    <input
      {...rest}
      type="text"
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(parseList(e.target.value));
      }}
    />
  );
}
