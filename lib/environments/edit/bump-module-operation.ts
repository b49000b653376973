import { z } from "zod";
import { compareVersions, isMajorBump } from "../profile/module-version";
import type { PlatformProfile } from "../profile/profile";
import { readHclBlocks } from "../render/read-hcl-blocks";
import { MODULE_VERSION_PATTERN } from "../requests/resource-request";
import type { ModuleUse } from "../types";
import type { EditedFile, EditOperation, EditResult, NamespaceFolder } from "./edit-operation";
import { ModuleRefRewriteError, rewriteModuleRef } from "./rewrite-module-ref";

/** `berth edit bump-module` answers: a catalogue module (its short name) and the version to move its blocks to. */
export const bumpModuleAnswersSchema = z.strictObject({
  module: z
    .string({ error: "enter a catalogue module's name, e.g. rds-instance" })
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, "the module is a catalogue module's short name, e.g. rds-instance"),
  version: z.string({ error: "enter the version to move to, e.g. 9.2.0" }).regex(MODULE_VERSION_PATTERN, "the version must be a version such as 5.1.2"),
});
export type BumpModuleAnswers = z.infer<typeof bumpModuleAnswersSchema>;

/** Terraform's own module arguments: never a module's input. */
const META_ARGUMENTS = new Set(["source", "version", "providers", "count", "for_each", "depends_on"]);

/**
 * The versions of a catalogued module Berth may pin: the catalogue's latest
 * and the version its interface was read at. The catalogue records no other
 * release, so any other version is refused rather than guessed at.
 */
export function knownVersions(profile: PlatformProfile, module: string): string[] {
  const entry = profile.modules[module]!;
  return [...new Set([entry.latest, ...(entry.interface ? [entry.interface.at] : [])])];
}

/**
 * Moves every block of one catalogue module in the namespace to `version`,
 * changing only each pin's text (rewriteModuleRef: the `ref=` of its source,
 * or its registry `version`). Left as they are, each named in a note: a
 * disabled block (`count = 0`), a pin already at or ahead of the version, an
 * unpinned block or one pinned to something other than a version. Works from
 * the index's record and the scanner, so a sweep over thousands of folders
 * parses nothing it does not change.
 */
export function bumpModule(folder: NamespaceFolder, answers: BumpModuleAnswers, profile: PlatformProfile): EditResult {
  if (!Object.hasOwn(profile.modules, answers.module)) {
    const known = Object.keys(profile.modules).sort().join(", ");
    return { ok: false, errors: { module: `${answers.module} is not a module of the catalogue; known modules: ${known}` } };
  }
  const versions = knownVersions(profile, answers.module);
  if (!versions.includes(answers.version)) {
    return {
      ok: false,
      errors: {
        version: `the catalogue knows ${answers.module} at ${versions.join(" and ")}, not ${answers.version}; Berth moves pins only to a version it knows`,
      },
    };
  }

  const uses = folder.record.modules.filter((m) => m.module === answers.module);
  if (uses.length === 0) return { ok: true, files: [], notes: [`no ${answers.module} module block in this namespace`] };
  const notes: string[] = [];
  const byFile = new Map<string, ModuleUse[]>();
  for (const use of uses) {
    const skip = skipReason(use, answers.version);
    if (skip) notes.push(`${use.name} (${use.file}): ${skip}; left as it is`);
    else byFile.set(use.file, [...(byFile.get(use.file) ?? []), use]);
  }

  const files: EditedFile[] = [];
  const errors: string[] = [];
  let blocks = 0;
  for (const [file, bumped] of byFile) {
    const before = folder.files.get(file);
    if (before === undefined) {
      errors.push(`${file} could not be read`);
      continue;
    }
    let text = before;
    for (const use of bumped) {
      try {
        text = rewriteModuleRef(text, use.name, answers.version);
      } catch (error) {
        if (!(error instanceof ModuleRefRewriteError)) throw error;
        errors.push(`${use.name} (${file}): ${error.message}`);
      }
    }
    files.push({ path: `${folder.record.path}/${file}`, content: text });
    blocks += bumped.length;
    notes.push(...bumped.map((use) => `${use.name} (${file}): ${use.ref} -> ${answers.version}`));
    notes.push(...interfaceNotes(text, bumped, answers, profile));
  }
  if (errors.length > 0) return { ok: false, errors: { module: errors.join("; ") } };
  return { ok: true, files, notes, ...(files.length > 0 ? { blocks } : {}) };
}

/** Why a block is left as it is, or null when it moves. */
function skipReason(use: ModuleUse, version: string): string | null {
  if (use.disabled) return "disabled (count = 0)";
  if (use.ref === null) return "not pinned to a version (no ?ref=); pin it by hand";
  const order = compareVersions(use.ref, version);
  if (order === null) return `pinned to ${use.ref}, which is not a version Berth can compare`;
  if (order === 0) return `already at ${use.ref}`;
  if (order > 0) return `pinned to ${use.ref}, ahead of ${version}`;
  return null;
}

/**
 * What the catalogue knows about the target version's inputs, for the
 * reviewer: only when its interface was read at exactly that version (it
 * records no other version's interface, so it knows nothing of what changed
 * between two versions otherwise).
 */
function interfaceNotes(text: string, bumped: ModuleUse[], answers: BumpModuleAnswers, profile: PlatformProfile): string[] {
  const spec = profile.modules[answers.module]!.interface;
  if (!spec || spec.at !== answers.version) return [];
  const declared = new Set(spec.inputs.map((i) => i.name));
  const blocks = readHclBlocks(text).filter((b) => b.type === "module");
  const notes: string[] = [];
  for (const use of bumped) {
    const block = blocks.find((b) => b.labels[0] === use.name);
    if (!block) continue;
    const set = [...new Set([...block.attributes.keys(), ...block.nested.keys()])].filter((name) => !META_ARGUMENTS.has(name));
    const missing = spec.inputs.filter((i) => i.required && !set.includes(i.name)).map((i) => i.name);
    const unknown = set.filter((name) => !declared.has(name));
    if (missing.length === 0 && unknown.length === 0) continue;
    const major = use.ref !== null && isMajorBump(use.ref, answers.version) ? `a major version bump (${use.ref} -> ${answers.version}); ` : "";
    const parts = [
      ...(missing.length > 0 ? [`${answers.module} ${answers.version} requires ${missing.join(", ")}, which the block does not set`] : []),
      ...(unknown.length > 0 ? [`${answers.module} ${answers.version} declares no input ${unknown.join(", ")}`] : []),
    ];
    notes.push(`${use.name}: ${major}${parts.join("; ")} (the catalogue's interface at ${spec.at}); review before merging`);
  }
  return notes;
}

export const bumpModuleOperation: EditOperation<BumpModuleAnswers> = {
  name: "bump-module",
  answersSchema: bumpModuleAnswersSchema,
  apply: bumpModule,
  unchangedFor(record, answers, profile) {
    // Which blocks move, and why the others stay, is the record's; a block that moves needs its file (absent here: null).
    const result = bumpModule({ record, files: new Map() }, answers, profile);
    return result.ok && result.files.length === 0 ? result.notes.join("; ") : null;
  },
};
