import { readHclBlocks } from "../render/read-hcl-blocks";

/**
 * Sets one input of an existing module block to an HCL expression, changing
 * only the bytes that needs: the value of the input's line when the block
 * has it, otherwise a new line after the block's `source` line in that
 * line's indentation. Returns null when the block or its source line cannot
 * be found (the caller asks for a hand edit), or the text unchanged when the
 * input already has that value.
 */
export function setModuleInput(text: string, label: string, input: string, value: string): string | null {
  const block = readHclBlocks(text).find((b) => b.type === "module" && b.labels[0] === label);
  if (!block) return null;
  if (block.attributes.get(input) === value) return text;
  const lines = text.split("\n");
  let end = block.line;
  while (end < lines.length && !/^\}/.test(lines[end]!)) end++;
  const own = new RegExp(`^([ \\t]*${input}[ \\t]*=[ \\t]*)(.*)$`);
  for (let i = block.line; i < end; i++) {
    const match = own.exec(lines[i]!);
    if (match) {
      if (block.attributes.get(input) !== match[2]!.replace(/\s*(#|\/\/).*$/, "").trim()) return null;
      lines[i] = `${match[1]}${value}${match[2]!.slice(match[2]!.replace(/\s*(#|\/\/).*$/, "").length)}`;
      return lines.join("\n");
    }
  }
  for (let i = block.line; i < end; i++) {
    const source = /^([ \t]*)source[ \t]*=/.exec(lines[i]!);
    if (source) {
      lines.splice(i + 1, 0, `${source[1]}${input} = ${value}`);
      return lines.join("\n");
    }
  }
  return null;
}
