import { addHclAttribute, setHclAttribute } from "./hcl/edit-hcl-attribute";
import { findAttribute, findModuleBlocks, parseHcl } from "./hcl/hcl-tree";
import type { HclParser } from "./hcl/load-hcl-parser";

/**
 * Sets one input of an existing module block to an HCL expression, changing
 * only the bytes that needs: the input's value (a comment after it stays)
 * when the block has it, otherwise a new line after the block's `source`
 * line in that line's indentation. Returns null when the file does not
 * parse, the block or its source line cannot be found (the caller asks for
 * a hand edit), or the text unchanged when the input already has that value.
 */
export function setModuleInput(parser: HclParser, text: string, label: string, input: string, value: string): string | null {
  const file = parseHcl(parser, text, { references: false });
  const blocks = findModuleBlocks(file, label);
  if (file.hasErrors || blocks.length !== 1) return null;
  const block = blocks[0]!;
  const attribute = findAttribute(block, input);
  if (attribute) return attribute.valueText === value ? text : setHclAttribute(text, attribute, value);
  if (!findAttribute(block, "source")) return null;
  return addHclAttribute(text, block, input, value, "source");
}
