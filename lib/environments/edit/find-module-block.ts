import type { CatalogueModule } from "../profile/module-catalogue";
import type { PlatformProfile } from "../profile/profile";
import type { ModuleUse } from "../types";
import type { NamespaceFolder } from "./edit-operation";
import { findModuleBlocks, parseHcl, type HclBlock, type HclFile } from "./hcl/hcl-tree";
import type { HclParser } from "./hcl/load-hcl-parser";

/** A module block found for an edit: its index entry, its file parsed, the block, and its catalogue entry. */
export interface FoundModuleBlock {
  use: ModuleUse;
  file: HclFile;
  block: HclBlock;
  catalogue: CatalogueModule | undefined;
}

/**
 * The module block `name` of the folder, read for editing; a message
 * (for the `name` field) when there is none, there are several, or its
 * file is one tree-sitter cannot read without error.
 */
export function findModuleBlock(parser: HclParser, folder: NamespaceFolder, name: string, profile: PlatformProfile): FoundModuleBlock | string {
  const uses = folder.record.modules.filter((m) => m.name === name);
  if (uses.length === 0) return `there is no module block named ${name} in this namespace`;
  if (uses.length > 1) return `${uses.length} module blocks are named ${name} (${uses.map((u) => u.file).join(", ")}); fix that by hand first`;
  const use = uses[0]!;
  const text = folder.files.get(use.file);
  if (text === undefined) return `${use.file} could not be read`;
  const file = parseHcl(parser, text);
  if (file.hasErrors) return `${use.file} has text Berth cannot parse as Terraform; fix it by hand first`;
  const blocks = findModuleBlocks(file, name);
  if (blocks.length !== 1) return `module ${name} could not be found in ${use.file}`;
  return { use, file, block: blocks[0]!, catalogue: Object.hasOwn(profile.modules, use.module) ? profile.modules[use.module] : undefined };
}
