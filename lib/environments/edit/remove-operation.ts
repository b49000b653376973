import { z } from "zod";
import type { PlatformProfile } from "../profile/profile";
import { protectionOf, protectionOffFiles } from "./deletion-protection";
import type { EditedFile, EditOperation, EditResult, NamespaceFolder } from "./edit-operation";
import { findModuleBlock, type FoundModuleBlock } from "./find-module-block";
import { lineAt, parseHcl, type HclBlock, type HclFile } from "./hcl/hcl-tree";
import { loadHclParser, type HclParser } from "./hcl/load-hcl-parser";
import { removeHclBlock } from "./hcl/remove-hcl-block";

/** `berth edit remove` answers: the module blocks to remove, by name. */
export const removeAnswersSchema = z.object({
  names: z
    .array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]{0,62}$/, "each name is a module block's name"), { error: "names is a list of module block names" })
    .min(1, "choose at least one module block to remove")
    .max(50, "at most 50 module blocks")
    .refine((names) => new Set(names).size === names.length, "a module block is named twice"),
});
export type RemoveAnswers = z.infer<typeof removeAnswersSchema>;

const label = (b: HclBlock) => [b.type, ...b.labels.map((l) => `"${l}"`)].join(" ");

/**
 * Removes module blocks with the `kubernetes_secret` and `output` blocks
 * that read only them, in any file of the folder; a file left without
 * blocks is deleted. Refused while anything else reads their outputs. A
 * module whose deletion protection is on goes in two steps: this answers
 * the PR that turns protection off, with the removal as its follow-up.
 */
export async function removeResources(folder: NamespaceFolder, answers: RemoveAnswers, profile: PlatformProfile): Promise<EditResult> {
  const parser = await loadHclParser();
  const names = new Set(answers.names);
  const found: FoundModuleBlock[] = [];
  const problems: string[] = [];
  for (const name of answers.names) {
    const f = findModuleBlock(parser, folder, name, profile);
    if (typeof f === "string") problems.push(f);
    else found.push(f);
  }
  if (problems.length > 0) return { ok: false, errors: { names: problems.join("; ") } };

  const files = terraformFiles(parser, folder);
  const bad = [...files].find(([, f]) => f.hasErrors);
  if (bad) return { ok: false, errors: { names: `${bad[0]} has text Berth cannot parse as Terraform; fix it by hand first` } };
  const doomed = new Map<string, HclBlock[]>();
  const stillRead: string[] = [];
  for (const [path, file] of files) {
    const remove = file.blocks.filter((b) => removes(file, b, names));
    doomed.set(path, remove);
    for (const ref of file.references) {
      if (!names.has(ref.module) || remove.some((b) => b.start <= ref.start && ref.start < b.end)) continue;
      const block = file.blocks.find((b) => b.start <= ref.start && ref.start < b.end);
      stillRead.push(
        `${path}:${lineAt(file.text, ref.start)} (${block ? label(block) : "top level"} reads module.${ref.module}${ref.output ? `.${ref.output}` : ""})`,
      );
    }
  }
  if (stillRead.length > 0) {
    return { ok: false, errors: { names: `still in use: ${stillRead.join("; ")}; remove or edit those first, or remove them in this request too` } };
  }

  const protectedOn = found.flatMap((f) => protectionOf(f).map((p) => ({ f, ...p }))).filter((p) => p.state !== "off");
  const unknown = protectedOn.filter((p) => p.state === "unknown");
  if (unknown.length > 0) {
    return { ok: false, errors: { names: unknown.map((p) => `${p.f.use.name} sets ${p.input} with an expression; set it to false by hand first`).join("; ") } };
  }
  if (protectedOn.length > 0)
    return protectionStep(
      folder,
      parser,
      answers,
      protectedOn.map((p) => p.f),
    );

  const edited: EditedFile[] = [];
  const notes: string[] = [];
  for (const [path, remove] of doomed) {
    if (remove.length === 0) continue;
    const file = files.get(path)!;
    let text = file.text;
    for (const block of [...remove].sort((a, b) => b.start - a.start)) text = removeHclBlock(text, block);
    const left = file.blocks.length - remove.length;
    edited.push({ path: `${folder.record.path}/${path}`, content: left === 0 ? null : text });
    notes.push(`${path}: removed ${remove.map(label).join(", ")}${left === 0 ? "; the file is deleted" : ""}`);
  }
  return { ok: true, files: edited, notes };
}

/** Module blocks named, and Secrets and outputs that read only named modules. */
function removes(file: HclFile, block: HclBlock, names: Set<string>): boolean {
  if (block.type === "module") return names.has(block.labels[0] ?? "");
  const isSecret = block.type === "resource" && block.labels[0] === "kubernetes_secret";
  if (!isSecret && block.type !== "output") return false;
  const reads = file.references.filter((r) => block.start <= r.start && r.start < block.end).map((r) => r.module);
  return reads.length > 0 && reads.every((m) => names.has(m));
}

function terraformFiles(parser: HclParser, folder: NamespaceFolder): Map<string, HclFile> {
  return new Map([...folder.files].filter(([path]) => path.endsWith(".tf")).map(([path, text]) => [path, parseHcl(parser, text)]));
}

/** Step one of a two-step removal: deletion protection off, in each protected block's file. */
function protectionStep(folder: NamespaceFolder, parser: HclParser, answers: RemoveAnswers, blocks: FoundModuleBlock[]): EditResult {
  const files = protectionOffFiles(folder, parser, blocks);
  if (typeof files === "string") return { ok: false, errors: { names: files } };
  const names = blocks.map((b) => b.use.name).join(", ");
  const one = blocks.length === 1;
  return {
    ok: true,
    files,
    notes: [`step 1 of 2: turn deletion protection off for ${names}`],
    followUp: {
      operation: "remove",
      answers,
      reason: `${names} ${one ? "has" : "have"} deletion protection on; Terraform cannot destroy ${one ? "it" : "them"} until the PR that turns it off is applied`,
    },
  };
}

export const removeOperation: EditOperation<RemoveAnswers> = { name: "remove", answersSchema: removeAnswersSchema, apply: removeResources };
