import type { FoundModuleBlock } from "./find-module-block";
import { setHclAttribute } from "./hcl/edit-hcl-attribute";
import { findAttribute } from "./hcl/hcl-tree";

/** Whether each of a block's catalogued protection inputs is on: `unknown` when it is an expression. */
export function protectionOf(found: FoundModuleBlock): { input: string; state: "on" | "off" | "unknown" }[] {
  if (found.use.disabled) return []; // count = 0: nothing exists to protect
  return (found.catalogue?.protection ?? []).map(({ input, default: onByDefault }) => {
    const attribute = findAttribute(found.block, input);
    if (!attribute) return { input, state: onByDefault ? "on" : "off" };
    const { value } = attribute;
    if (value.kind === "bool") return { input, state: value.value ? "on" : "off" };
    if (value.kind === "string" && (value.value === "true" || value.value === "false")) return { input, state: value.value === "true" ? "on" : "off" };
    return { input, state: "unknown" };
  });
}

/**
 * The block's file with every protection input that is on set to false
 * (quoted if the block quotes it). An input on by default and not written
 * is added; this is the first PR of a two-step removal.
 */
export function turnProtectionOff(found: FoundModuleBlock, addAttribute: (text: string, input: string) => string | null): string | null {
  let text = found.file.text;
  const on = protectionOf(found).filter((p) => p.state === "on");
  // From the last attribute to the first, so earlier ranges stay valid.
  const attributes = on
    .map((p) => ({ p, attribute: findAttribute(found.block, p.input) }))
    .sort((a, b) => (b.attribute?.start ?? 0) - (a.attribute?.start ?? 0));
  for (const { p, attribute } of attributes) {
    if (!attribute) {
      const added = addAttribute(text, p.input);
      if (added === null) return null;
      text = added;
    } else text = setHclAttribute(text, attribute, attribute.value.kind === "string" ? '"false"' : "false");
  }
  return text;
}
