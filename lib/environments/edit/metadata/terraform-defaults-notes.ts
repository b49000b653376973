import { readHclBlocks } from "../../render/read-hcl-blocks";
import type { NamespaceFolder } from "../edit-operation";
import type { MetadataTarget } from "./metadata-targets";

/** The variables.tf variable that repeats each metadata field (render-namespace-terraform.ts). */
const VARIABLES: Record<string, string> = {
  application: "application",
  team: "team_name",
  teamName: "team_name",
  environment: "environment",
  isProduction: "is_production",
  slackChannel: "slack_channel",
};

/**
 * A note for each changed field whose resources/variables.tf default still
 * holds another value: a metadata edit changes only the Namespace manifest,
 * and the requester should know the Terraform side says otherwise.
 */
export function terraformDefaultsNotes(folder: NamespaceFolder, targets: readonly MetadataTarget[]): string[] {
  const text = folder.files.get("resources/variables.tf");
  if (text === undefined) return [];
  const blocks = readHclBlocks(text).filter((b) => b.type === "variable");
  const notes: string[] = [];
  for (const target of targets) {
    const name = VARIABLES[target.field];
    const raw = blocks.find((b) => b.labels[0] === name)?.attributes.get("default");
    const literal = raw === undefined ? null : /^"([^"\\$%]*)"$/.exec(raw.trim());
    if (literal && literal[1] !== target.value)
      notes.push(`resources/variables.tf still sets ${name}'s default to "${literal[1]}"; this edit changes only the Namespace manifest.`);
  }
  return notes;
}
