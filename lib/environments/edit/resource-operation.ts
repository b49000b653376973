import { z } from "zod";
import type { PlatformProfile } from "../profile/profile";
import { checkEditableValue, type CheckedValue } from "./check-editable-value";
import type { EditOperation, EditResult, NamespaceFolder } from "./edit-operation";
import { findModuleBlock } from "./find-module-block";
import { parseHcl } from "./hcl/hcl-tree";
import { loadHclParser } from "./hcl/load-hcl-parser";
import { inputState } from "./read-editable-inputs";
import { writeEditableInput } from "./write-editable-input";

/** `berth edit resource` answers: the module block's name and the inputs to change, named as the module names them; null removes one. */
export const resourceAnswersSchema = z.object({
  name: z.string({ error: "enter the module block's name" }).regex(/^[A-Za-z_][A-Za-z0-9_-]{0,62}$/, "the name is a module block's name"),
  inputs: z.record(z.string(), z.unknown(), { error: "inputs is an object of input names to values" }),
});
export type ResourceAnswers = z.infer<typeof resourceAnswersSchema>;

/**
 * Changes the catalogue's editable inputs of one module block in place.
 * Every changed input is checked against its catalogue type; an input the
 * block writes as an expression is a field error and never overwritten.
 */
export async function editResource(folder: NamespaceFolder, answers: ResourceAnswers, profile: PlatformProfile): Promise<EditResult> {
  const parser = await loadHclParser();
  let found = findModuleBlock(parser, folder, answers.name, profile);
  if (typeof found === "string") return { ok: false, errors: { name: found } };
  const editable = found.catalogue?.editable ?? {};
  const errors: Record<string, string> = {};
  const checked = new Map<string, CheckedValue | { ok: true; value: null }>();
  for (const [input, raw] of Object.entries(answers.inputs)) {
    const spec = Object.hasOwn(editable, input) ? editable[input] : undefined;
    if (!spec) errors[`inputs.${input}`] = `${input} is not an input Berth edits on a ${found.use.module} module; change it by hand`;
    else if (raw !== null) checked.set(input, checkEditableValue(input, spec, raw));
    else checked.set(input, { ok: true, value: null });
  }
  for (const [input, result] of checked) if (!result.ok) errors[`inputs.${input}`] = result.message;
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const notes: string[] = [];
  for (const [input, result] of checked) {
    if (!result.ok) continue;
    const state = inputState(found, input, editable[input]!);
    const written = writeEditableInput(found, state, result.value, { modules: folder.record.modules, profile });
    if (!written.ok) errors[`inputs.${input}`] = written.message;
    else if (written.text !== found.file.text) {
      notes.push(`${answers.name}: ${input} ${state.text ?? "(not set)"} -> ${result.value === null ? "(not set)" : JSON.stringify(result.value)}`);
      const file = parseHcl(parser, written.text);
      const block = file.blocks.find((b) => b.type === "module" && b.labels[0] === answers.name)!;
      found = { ...found, file, block };
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (notes.length === 0) return { ok: true, files: [], notes: ["nothing to change: every input already has that value"] };
  return { ok: true, files: [{ path: `${folder.record.path}/${found.use.file}`, content: found.file.text }], notes };
}

export const resourceOperation: EditOperation<ResourceAnswers> = {
  name: "resource",
  answersSchema: resourceAnswersSchema,
  apply: editResource,
};
