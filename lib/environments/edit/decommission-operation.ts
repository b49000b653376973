import { z } from "zod";
import type { PlatformProfile } from "../profile/profile";
import { protectionOf, protectionOffFiles } from "./deletion-protection";
import type { EditOperation, EditResult, NamespaceFolder } from "./edit-operation";
import { findModuleBlock, type FoundModuleBlock } from "./find-module-block";
import { loadHclParser } from "./hcl/load-hcl-parser";

/** `berth edit decommission` answers: the namespace's name, typed again to confirm. */
export const decommissionAnswersSchema = z.object({ confirm: z.string({ error: "type the namespace's name to confirm" }) });
export type DecommissionAnswers = z.infer<typeof decommissionAnswersSchema>;

/** The standard Terraform files (backend, providers, variables, versions): they create nothing and go with the folder. */
const STANDARD = new Set(["resources/main.tf", "resources/variables.tf", "resources/versions.tf"]);

/**
 * The platform's decommissioning as a sequence of PRs, each applied before
 * the next: (1) deletion protection off, when any block has it on; (2) the
 * resource files removed, so the apply destroys what they made; (3) the
 * folder deleted. Each call answers the step the folder is at, with the
 * next as its follow-up. Whether workloads still run is the caller's check.
 */
export async function decommissionNamespace(folder: NamespaceFolder, answers: DecommissionAnswers, profile: PlatformProfile): Promise<EditResult> {
  const name = folder.record.name;
  if (answers.confirm !== name) return { ok: false, errors: { confirm: `type the namespace's name, ${name}, to confirm` } };
  const parser = await loadHclParser();
  const blocks: FoundModuleBlock[] = [];
  for (const use of folder.record.modules) {
    const found = findModuleBlock(parser, folder, use.name, profile);
    if (typeof found === "string") return { ok: false, errors: { confirm: found } };
    blocks.push(found);
  }
  const states = blocks.flatMap((f) => protectionOf(f).map((p) => ({ f, ...p })));
  const unknown = states.filter((p) => p.state === "unknown");
  if (unknown.length > 0) {
    return {
      ok: false,
      errors: { confirm: unknown.map((p) => `${p.f.use.name} sets ${p.input} with an expression; set it to false by hand first`).join("; ") },
    };
  }
  const protectedBlocks = [...new Set(states.filter((p) => p.state === "on").map((p) => p.f))];
  const next = (reason: string) => ({ operation: "decommission" as const, answers, reason });
  if (protectedBlocks.length > 0) {
    const files = protectionOffFiles(folder, parser, protectedBlocks);
    if (typeof files === "string") return { ok: false, errors: { confirm: files } };
    const names = protectedBlocks.map((b) => b.use.name).join(", ");
    return {
      ok: true,
      files,
      notes: [`step 1 of 3: turn deletion protection off for ${names}`],
      followUp: next("once protection is off (this PR applied), the resources can be destroyed"),
    };
  }
  const resources = [...folder.files.keys()].filter((path) => path.endsWith(".tf") && !STANDARD.has(path)).sort();
  if (resources.length > 0) {
    return {
      ok: true,
      files: resources.map((path) => ({ path: `${folder.record.path}/${path}`, content: null })),
      notes: [`step 2 of 3: remove ${resources.join(", ")}; applying this PR destroys the namespace's AWS resources`],
      followUp: next("once the resources are destroyed (this PR applied), the namespace's folder can go"),
    };
  }
  return {
    ok: true,
    files: [...new Set([...folder.record.files, ...folder.files.keys()])].sort().map((path) => ({ path: `${folder.record.path}/${path}`, content: null })),
    notes: [`step 3 of 3: delete the folder ${folder.record.path}`],
  };
}

export const decommissionOperation: EditOperation<DecommissionAnswers> = {
  name: "decommission",
  answersSchema: decommissionAnswersSchema,
  apply: decommissionNamespace,
};
