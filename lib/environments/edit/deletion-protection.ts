import type { EditedFile, NamespaceFolder } from "./edit-operation";
import type { FoundModuleBlock } from "./find-module-block";
import { addHclAttribute, setHclAttribute } from "./hcl/edit-hcl-attribute";
import { findAttribute, findModuleBlocks, parseHcl } from "./hcl/hcl-tree";
import type { HclParser } from "./hcl/load-hcl-parser";

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
function turnProtectionOff(found: FoundModuleBlock, addAttribute: (text: string, input: string) => string | null): string | null {
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

/** The files of the blocks with protection on, with it turned off; a message when a block is written on one line. */
export function protectionOffFiles(folder: NamespaceFolder, parser: HclParser, blocks: FoundModuleBlock[]): EditedFile[] | string {
  const texts = new Map<string, string>();
  for (const f of blocks) {
    const current = texts.get(f.use.file);
    const file = current === undefined ? f.file : parseHcl(parser, current);
    const block = findModuleBlocks(file, f.use.name)[0]!;
    const add = (text: string, input: string) => addHclAttribute(text, findModuleBlocks(parseHcl(parser, text), f.use.name)[0]!, input, "false", "source");
    const text = turnProtectionOff({ ...f, file, block }, add);
    if (text === null) return `${f.use.name} is written on one line; turn its deletion protection off by hand`;
    texts.set(f.use.file, text);
  }
  return [...texts].map(([path, content]) => ({ path: `${folder.record.path}/${path}`, content }));
}
