import type { NamespaceRecord } from "@/lib/environments/types";
import type { EditField } from "./edit-fields";

/** One editable input of a module block as it is today (lib/environments/edit/read-editable-inputs.ts's shape, as far as the form needs it). */
export interface InputState {
  input: string;
  spec: { type: string; values?: string[]; patternHint?: string };
  representable: boolean;
  value: unknown;
  text: string | null;
}

/** Resource settings: one control per input the form can represent, named `inputs.<input>` as the answers nest them. */
export function resourceFields(inputs: InputState[]): EditField[] {
  return inputs
    .filter((i) => i.representable && i.spec.type !== "map(string)")
    .map((i): EditField => {
      const type = i.spec.type === "bool" ? "checkbox" : i.spec.type === "number" ? "number" : i.spec.type === "list(string)" ? "list" : "text";
      const help = i.spec.values ? `One of ${i.spec.values.join(", ")}` : i.spec.patternHint;
      const initial = i.value ?? (type === "checkbox" ? false : type === "list" ? [] : type === "number" ? undefined : "");
      return { name: `inputs.${i.input}`, label: i.input, type, initial, ...(help ? { help } : {}) };
    });
}

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
