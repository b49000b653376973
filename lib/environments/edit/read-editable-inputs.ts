import type { EditableInput } from "../profile/editable-inputs";
import type { PlatformProfile } from "../profile/profile";
import type { NamespaceFolder } from "./edit-operation";
import { findModuleBlock, type FoundModuleBlock } from "./find-module-block";
import type { EditableValue } from "./hcl/format-hcl-value";
import { findAttribute } from "./hcl/hcl-tree";
import type { HclValue } from "./hcl/hcl-value";
import { loadHclParser } from "./hcl/load-hcl-parser";

/**
 * One editable input of a block as it is today, for pre-filling the form.
 * `set`: the block writes it (otherwise the module's default applies and
 * `value` is null). `representable: false`: it is an expression or a local
 * (`text` shows it), shown read-only; an edit of it is refused. A map's
 * entries are strings: literals decoded, other entries their HCL text,
 * listed in `readOnlyKeys` (an edit passes them back unchanged or drops them).
 */
export interface EditableInputState {
  input: string;
  spec: EditableInput;
  set: boolean;
  representable: boolean;
  value: EditableValue | Record<string, string> | null;
  text: string | null;
  readOnlyKeys?: string[];
}

export type ReadEditableInputsResult = { ok: true; module: string; file: string; inputs: EditableInputState[] } | { ok: false; errors: Record<string, string> };

/** The catalogue's editable inputs of module block `name` with their values today (`name` field error when it cannot be edited). */
export async function readEditableInputs(folder: NamespaceFolder, name: string, profile: PlatformProfile): Promise<ReadEditableInputsResult> {
  const found = findModuleBlock(await loadHclParser(), folder, name, profile);
  if (typeof found === "string") return { ok: false, errors: { name: found } };
  const editable = found.catalogue?.editable;
  if (!editable || Object.keys(editable).length === 0) {
    return { ok: false, errors: { name: `${name} is a ${found.use.module} module, which has no inputs Berth edits; edit it by hand` } };
  }
  return { ok: true, module: found.use.module, file: found.use.file, inputs: Object.entries(editable).map(([input, spec]) => inputState(found, input, spec)) };
}

/** One input's state in a found block. */
export function inputState(found: FoundModuleBlock, input: string, spec: EditableInput): EditableInputState {
  const attribute = findAttribute(found.block, input);
  if (!attribute) return { input, spec, set: false, representable: true, value: null, text: null };
  const base = { input, spec, set: true, text: attribute.valueText };
  const value = formValue(attribute.value, spec);
  if (value === undefined) return { ...base, representable: false, value: null };
  if (attribute.value.kind !== "object") return { ...base, representable: true, value: value as EditableValue };
  const readOnlyKeys = attribute.value.entries.filter((e) => e.value.kind !== "string" && !matches(spec, e.valueText)).map((e) => e.key);
  return { ...base, representable: true, value, ...(readOnlyKeys.length > 0 ? { readOnlyKeys } : {}) };
}

/** The value as the form's type holds it; undefined when the form cannot represent it. */
function formValue(value: HclValue, spec: EditableInput): EditableValue | Record<string, string> | undefined {
  switch (spec.type) {
    case "string":
    case "enum":
      return value.kind === "string" || value.kind === "number" ? String(value.value) : undefined;
    case "number":
      if (value.kind === "number") return value.value;
      return value.kind === "string" && /^-?[0-9]+(\.[0-9]+)?$/.test(value.value) ? Number(value.value) : undefined;
    case "bool":
      if (value.kind === "bool") return value.value;
      return value.kind === "string" && (value.value === "true" || value.value === "false") ? value.value === "true" : undefined;
    case "list(string)":
      return value.kind === "list" ? value.value : undefined;
    case "map(string)":
      if (value.kind !== "object") return undefined;
      return Object.fromEntries(value.entries.map((e) => [e.key, e.value.kind === "string" ? e.value.value : e.valueText]));
  }
}

/** True when text matches the spec's pattern whole (no pattern: anything). */
export function matches(spec: EditableInput, text: string): boolean {
  return spec.pattern === undefined || new RegExp(`^(?:${spec.pattern})$`, "u").test(text);
}
