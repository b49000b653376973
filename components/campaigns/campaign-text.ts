import { metadataFields } from "../requests/edit-form-fields";
import { operationText, type CampaignFilter } from "./campaign-api";

const FILTER_LABELS: Record<string, string> = {
  q: "search",
  cluster: "cluster",
  businessUnit: "business unit",
  environment: "environment",
  production: "production",
  team: "team",
  module: "module",
  below: "pinned below",
  missingTag: "missing tag",
  flag: "flag",
  status: "cluster status",
  mine: "my teams",
};

const teams = (value: unknown): string[] => (Array.isArray(value) ? value.filter((t): t is string => typeof t === "string") : []);

/** A metadata answer as stored (its schema's output: the owner split into name and email). */
function valueText(value: unknown): string {
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (value && typeof value === "object" && "ownerName" in value && "ownerEmail" in value) return `"${String(value.ownerName)}: ${String(value.ownerEmail)}"`;
  return JSON.stringify(value);
}

/**
 * A campaign's change in words: "Move rds-instance to 9.2.0", "Add admin teams a, b; remove admin team c",
 * `Change namespace details: Slack channel "x"`, or the operation's label.
 */
export function changeText(operation: string, answers: Record<string, unknown>): string {
  if (operation === "bump-module" && typeof answers.module === "string" && typeof answers.version === "string")
    return `Move ${answers.module} to ${answers.version}`;
  // An access edit of a narrower role than admin (the API takes one) is said by its label alone.
  if (operation === "access" && answers.role === undefined) {
    const [add, remove] = [teams(answers.add), teams(answers.remove)];
    const parts = [
      add.length > 0 ? `add admin ${add.length === 1 ? "team" : "teams"} ${add.join(", ")}` : "",
      remove.length > 0 ? `remove admin ${remove.length === 1 ? "team" : "teams"} ${remove.join(", ")}` : "",
    ].filter(Boolean);
    if (parts.length > 0) return parts.join("; ").replace(/^./, (c) => c.toUpperCase());
  }
  if (operation === "metadata") {
    const parts = metadataFields()
      .filter((f) => answers[f.name] !== undefined)
      .map((f) => `${f.label} ${valueText(answers[f.name])}`);
    if (parts.length > 0) return `${operationText(operation)}: ${parts.join(", ")}`;
  }
  return operationText(operation);
}

/** A campaign's filter in words: `the namespaces matching search "orders", module "rds-instance"`, or every namespace. */
export function filterText(filter: CampaignFilter): string {
  const parts = Object.entries(filter)
    .filter(([key, value]) => FILTER_LABELS[key] && value !== "")
    .map(([key, value]) => `${FILTER_LABELS[key]} "${value}"`);
  return parts.length === 0 ? "every namespace" : `the namespaces matching ${parts.join(", ")}`;
}
