import type { EditableInput } from "../profile/editable-inputs";
import { unrepresentableText } from "../render/unrepresentable-text";
import type { EditableValue } from "./hcl/format-hcl-value";
import { matches } from "./read-editable-inputs";

export type CheckedValue = { ok: true; value: EditableValue | Record<string, string> } | { ok: false; message: string };

const MAX_ITEMS = 50;

/** Checks a form's value for one input against the catalogue's type for it (the new-request rules, where the catalogue copies them). */
export function checkEditableValue(input: string, spec: EditableInput, raw: unknown): CheckedValue {
  const fail = (message: string): CheckedValue => ({ ok: false, message });
  const text = (value: string, what = input): string | null => {
    if (unrepresentableText(value) !== null) return `${what} contains characters that cannot be stored (invalid Unicode)`;
    if (!matches(spec, value)) return `${what} must be ${spec.patternHint ?? `text matching ${spec.pattern}`}`;
    return null;
  };
  switch (spec.type) {
    case "string": {
      if (typeof raw !== "string") return fail(`${input} must be text`);
      const problem = text(raw);
      return problem ? fail(problem) : { ok: true, value: raw };
    }
    case "enum":
      if (typeof raw !== "string" || !spec.values?.includes(raw)) return fail(`${input} must be one of: ${(spec.values ?? []).join(", ")}`);
      return { ok: true, value: raw };
    case "number":
      if (typeof raw !== "number" || !Number.isInteger(raw)) return fail(`${input} must be a whole number`);
      if (spec.min !== undefined && raw < spec.min) return fail(`${input} must be at least ${spec.min}`);
      if (spec.max !== undefined && raw > spec.max) return fail(`${input} must be at most ${spec.max}`);
      return { ok: true, value: raw };
    case "bool":
      return typeof raw === "boolean" ? { ok: true, value: raw } : fail(`say whether ${input} is on (true or false)`);
    case "list(string)": {
      if (!Array.isArray(raw) || raw.some((v) => typeof v !== "string")) return fail(`${input} must be a list of text`);
      if (raw.length > MAX_ITEMS) return fail(`${input} takes at most ${MAX_ITEMS} items`);
      if (new Set(raw).size !== raw.length) return fail(`${input} lists an item twice`);
      const problem = raw.map((v: string) => text(v, `each item of ${input}`)).find((p) => p !== null);
      return problem ? fail(problem) : { ok: true, value: raw as string[] };
    }
    case "map(string)": {
      if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return fail(`${input} must be an object of names to values`);
      const entries = Object.entries(raw);
      if (entries.length > MAX_ITEMS) return fail(`${input} takes at most ${MAX_ITEMS} entries`);
      for (const [key, value] of entries) {
        if (!/^[A-Za-z_][A-Za-z0-9_-]{0,62}$/.test(key)) return fail(`${input}: ${JSON.stringify(key)} is not a name (letters, digits, _ and -)`);
        if (typeof value !== "string") return fail(`${input}.${key} must be text`);
      }
      return { ok: true, value: raw as Record<string, string> };
    }
  }
}
