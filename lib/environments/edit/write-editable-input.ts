import type { EditableInput } from "../profile/editable-inputs";
import type { PlatformProfile } from "../profile/profile";
import { escapeHcl } from "../render/escape-hcl";
import type { ModuleUse } from "../types";
import type { FoundModuleBlock } from "./find-module-block";
import { addHclAttribute, removeHclAttribute, setHclAttribute } from "./hcl/edit-hcl-attribute";
import { formatHclValue, type EditableValue } from "./hcl/format-hcl-value";
import { findAttribute } from "./hcl/hcl-tree";
import { indentAt, newlineOf } from "./hcl/hcl-text";
import { setHclObjectEntries } from "./hcl/set-hcl-object-entries";
import { matches, type EditableInputState } from "./read-editable-inputs";

export type WrittenInput = { ok: true; text: string } | { ok: false; message: string };

const REFERENCE = /^module\.([a-z][a-z0-9_]{0,62})\.irsa_policy_arn$/;

/**
 * The file's text with one input of the found block set to `value` (null:
 * removed, so the module's default applies), or unchanged when it already
 * has it. An input written as an expression is refused, never overwritten.
 */
export function writeEditableInput(
  found: FoundModuleBlock,
  state: EditableInputState,
  value: EditableValue | Record<string, string> | null,
  context: { modules: ModuleUse[]; profile: PlatformProfile },
): WrittenInput {
  const { file, block } = found;
  const text = file.text;
  const { input } = state;
  if (!state.representable)
    return { ok: false, message: `${input} is written as an expression here (${state.text}); Berth leaves it alone: change it by hand` };
  if (JSON.stringify(value) === JSON.stringify(state.value)) return { ok: true, text };
  const attribute = findAttribute(block, input);
  const refuse = (message: string): WrittenInput => ({ ok: false, message });
  if (value === null) {
    const out = attribute ? removeHclAttribute(text, attribute) : text;
    return out === null ? refuse(`${input} shares its line with other text; remove it by hand`) : { ok: true, text: out };
  }
  if (state.spec.type === "map(string)") {
    if (!attribute) return refuse(`${found.use.name} does not set ${input}; add it by hand`);
    const entries = new Map<string, string>();
    const current = attribute.value.kind === "object" ? attribute.value.entries : [];
    for (const [key, given] of Object.entries(value as Record<string, string>)) {
      const kept = current.find((e) => e.key === key && (e.valueText === given || (e.value.kind === "string" && e.value.value === given)));
      if (kept) {
        entries.set(key, kept.valueText);
        continue;
      }
      const problem = checkEntry(given, state.spec, found, context);
      if (problem) return refuse(`${input}.${key}: ${problem}`);
      entries.set(key, REFERENCE.test(given) ? given : escapeHcl(given));
    }
    const out = setHclObjectEntries(text, attribute, entries);
    return out === null ? refuse(`${input} is written on one line with comments in it; change it by hand`) : { ok: true, text: out };
  }
  const scalar = value as EditableValue;
  const quoted = attribute?.value.kind === "string" && (typeof scalar === "number" || typeof scalar === "boolean");
  const layout = { previous: attribute?.valueText ?? "", indent: indentAt(text, attribute?.start ?? block.start), newline: newlineOf(text) };
  const written = quoted ? escapeHcl(String(scalar)) : formatHclValue(scalar, layout);
  if (attribute) return { ok: true, text: setHclAttribute(text, attribute, written) };
  const editable = Object.keys(found.catalogue?.editable ?? {});
  // After the last editable input whose aligned `=` leaves room for this name, so an aligned group stays aligned.
  const candidates = block.attributes.filter((a) => editable.includes(a.name));
  const fits = candidates.filter((a) => text.indexOf("=", a.start + a.name.length) - a.start > input.length);
  const anchor = (fits.at(-1) ?? candidates.at(-1))?.name ?? "source";
  const out = addHclAttribute(text, block, input, written, anchor);
  return out === null ? refuse(`${found.use.name} is written on one line; add ${input} by hand`) : { ok: true, text: out };
}

/** Why a new map entry cannot be written (the IRSA policy rules of a new request), or null. */
function checkEntry(
  given: string,
  spec: EditableInput,
  found: FoundModuleBlock,
  { modules, profile }: { modules: ModuleUse[]; profile: PlatformProfile },
): string | null {
  if (!matches(spec, given)) return `must be ${spec.patternHint ?? `text matching ${spec.pattern}`}`;
  const reference = REFERENCE.exec(given);
  if (!reference) return null;
  const name = reference[1]!;
  const source = modules.find((m) => m.name === name);
  if (!source) return `there is no resource named ${name} in this namespace`;
  if (source.disabled) return `${name} is disabled (count = 0); it has no policy to give`;
  if (name === found.use.name) return "an IRSA role cannot take its own policy";
  const iface = profile.modules[source.module]?.interface;
  if (iface && iface.irsaPolicy === null) return `${name} is a ${source.module} module, which has no IRSA policy (irsa_policy_arn)`;
  return null;
}
