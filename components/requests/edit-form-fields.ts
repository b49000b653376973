import type { NamespaceRecord } from "@/lib/environments/types";
import type { EditField } from "./edit-fields";

export const EDIT_TITLES = {
  metadata: "Change the details of",
  access: "Change who administers",
  resource: "Change resource settings in",
  remove: "Remove resources from",
  decommission: "Decommission",
} as const;

/** The controls of each edit form, pre-filled from the namespace as indexed. */
export function editFields(operation: keyof typeof EDIT_TITLES, ns: NamespaceRecord): EditField[] {
  switch (operation) {
    case "metadata":
      return [
        { name: "application", label: "Application", type: "text", initial: ns.application ?? "" },
        { name: "owner", label: "Owner", type: "text", initial: ns.owner ?? "", help: "<team display name>: <team email>" },
        { name: "slackChannel", label: "Slack channel", type: "text", initial: ns.slackChannel ?? "" },
        { name: "sourceCode", label: "Source code", type: "text", initial: ns.sourceCode ?? "", help: "One URL, or several separated by commas" },
        { name: "teamName", label: "Team name", type: "text", initial: ns.teamName ?? "" },
        { name: "reviewAfter", label: "Review after", type: "text", initial: ns.reviewAfter ?? "", help: "YYYY-MM-DD" },
        { name: "renewMonths", label: "Or renew for this many months from today", type: "number", initial: undefined },
        { name: "environment", label: "Environment", type: "text", initial: ns.environment ?? "", help: "Changing it is flagged for review" },
        { name: "isProduction", label: "Production namespace", type: "checkbox", initial: ns.isProduction, help: "Changing it is flagged for review" },
      ];
    case "access":
      return [
        { name: "add", label: "GitHub teams to add as admins", type: "list", initial: [], help: "Team slugs, separated by commas" },
        { name: "remove", label: "Admin teams to remove", type: "choices", initial: [], options: ns.teams, help: "The last admin team cannot be removed" },
      ];
    case "remove":
      return [{ name: "names", label: "Module blocks to remove", type: "choices", initial: [], options: ns.modules.map((m) => m.name) }];
    case "decommission":
      return [
        { name: "confirm", label: `Type ${ns.name} to confirm`, type: "text", initial: "" },
        { name: "confirmWorkloads", label: "Decommission even though the cluster still runs workloads in it", type: "checkbox", initial: false, input: true },
      ];
    case "resource":
      return [];
  }
}
