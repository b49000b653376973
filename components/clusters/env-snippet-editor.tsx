"use client";

import { useState } from "react";
import { envName, envSnippet } from "@/lib/clusters/env-snippet";

/** A ready-to-paste `env:` block for one Secret, with a field per key to rename its variable. */
export function EnvSnippetEditor({ secret, keys }: { secret: string; keys: string[] }) {
  const [names, setNames] = useState<Record<string, string>>({});
  const [copied, setCopied] = useState(false);
  const text = envSnippet(secret, keys, names);
  return (
    <details className="mt-2" data-snippet={secret}>
      <summary className="cursor-pointer text-sm text-blue-800 underline">env: snippet for a deployment</summary>
      <fieldset className="mt-2 grid gap-1 text-sm sm:grid-cols-2">
        <legend className="mb-1 text-slate-700">Variable names (edit to rename)</legend>
        {keys.map((key) => (
          <label key={key} className="flex items-center gap-2">
            <span className="w-48 truncate font-mono text-xs">{key}</span>
            <input
              className="min-w-0 flex-1 rounded border border-slate-400 px-2 py-1 font-mono text-xs"
              value={names[key] ?? envName(key)}
              aria-label={`Variable for ${key}`}
              onChange={(e) => setNames({ ...names, [key]: e.target.value })}
            />
          </label>
        ))}
      </fieldset>
      <pre className="mt-2 overflow-x-auto rounded bg-slate-900 p-3 font-mono text-xs text-slate-50" aria-label={`env snippet for ${secret}`} tabIndex={0}>
        {text}
      </pre>
      <button
        type="button"
        className="mt-1 rounded border border-slate-400 px-2 py-1 text-xs"
        onClick={() =>
          void navigator.clipboard?.writeText(text).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {copied ? "Copied" : "Copy"}
      </button>
    </details>
  );
}
