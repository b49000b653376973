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

/** A campaign's change in words: "Move rds-instance to 9.2.0", or the operation's name. */
export function changeText(operation: string, answers: Record<string, unknown>): string {
  if (operation === "bump-module" && typeof answers.module === "string" && typeof answers.version === "string")
    return `Move ${answers.module} to ${answers.version}`;
  return operationText(operation);
}

/** A campaign's filter in words: `the namespaces matching search "orders", module "rds-instance"`, or every namespace. */
export function filterText(filter: CampaignFilter): string {
  const parts = Object.entries(filter)
    .filter(([key, value]) => FILTER_LABELS[key] && value !== "")
    .map(([key, value]) => `${FILTER_LABELS[key]} "${value}"`);
  return parts.length === 0 ? "every namespace" : `the namespaces matching ${parts.join(", ")}`;
}
