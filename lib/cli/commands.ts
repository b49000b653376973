import { catalogueCommand } from "./catalogue";
import { checkCommand } from "./check";
import { editCommand } from "./edit";
import type { CliCommand } from "./command";
import { inventoryCommand } from "./inventory";
import { renderCommand } from "./render";
import { sampleCommand } from "./sample";
import { sampleClusterCommand } from "./sample-cluster";

/** Every `berth` command; a new command is one file plus one line here. */
export const commands: CliCommand[] = [inventoryCommand, sampleCommand, sampleClusterCommand, renderCommand, editCommand, catalogueCommand, checkCommand];
