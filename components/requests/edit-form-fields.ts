import type { NamespaceRecord } from "@/lib/environments/types";
import type { EditField } from "./edit-fields";

/** One editable input of a module block as it is today (lib/environments/edit/read-editable-inputs.ts's shape, as far as the form needs it). */
export interface InputState {
  input: string;
  spec: { type: string; values?: string[]; pattern?: string; patternHint?: string };
  set: boolean;
  representable: boolean;
  value: unknown;
  text: string | null;
  readOnlyKeys?: string[];
}

/** Whether the form can change an input: a map only when the block sets it (Berth does not add one). */
export function formEditable(i: InputState): boolean {
  return i.representable && (i.spec.type !== "map(string)" || i.set);
}

/**
 * Resource settings: one control per input the form can represent, named `inputs.<input>` as the answers nest them.
 * A map offers `policySources` (the namespace's module blocks that give an IRSA policy) as
 * `module.<name>.irsa_policy_arn` values, where its pattern takes them.
 */
export function resourceFields(inputs: InputState[], policySources: string[] = []): EditField[] {
  return inputs.filter(formEditable).map((i): EditField => {
    if (i.spec.type === "map(string)") {
      const pattern = i.spec.pattern === undefined ? null : new RegExp(`^(?:${i.spec.pattern})$`, "u");
      const options = policySources.map((name) => `module.${name}.irsa_policy_arn`).filter((v) => pattern === null || pattern.test(v));
      return {
        name: `inputs.${i.input}`,
        label: i.input,
        type: "map",
        initial: i.value ?? {},
        options,
        ...(i.readOnlyKeys ? { readOnly: i.readOnlyKeys } : {}),
        ...(i.spec.patternHint ? { help: `Each value: ${i.spec.patternHint}` } : {}),
      };
    }
    const type = i.spec.type === "bool" ? "checkbox" : i.spec.type === "number" ? "number" : i.spec.type === "list(string)" ? "list" : "text";
    const help = i.spec.values ? `One of ${i.spec.values.join(", ")}` : i.spec.patternHint;
    const initial = i.value ?? (type === "checkbox" ? false : type === "list" ? [] : type === "number" ? undefined : "");
    return { name: `inputs.${i.input}`, label: i.input, type, initial, ...(help ? { help } : {}) };
  });
}

/**
 * What the form sends: the answers (`base` and every changed control; a dotted name nests, so `inputs.role_policy_arns`
 * is answers.inputs.role_policy_arns, as `berth edit` takes them) and the controls sent beside them.
 */
export function editAnswers(controls: EditField[], values: Record<string, unknown>, base?: Record<string, unknown>) {
  const answers: Record<string, unknown> = { ...base };
  const extra: Record<string, unknown> = {};
  for (const c of controls) {
    const value = values[c.name];
    if (c.input) extra[c.name] = value;
    else if (JSON.stringify(value) !== JSON.stringify(c.initial) && value !== "" && value !== undefined) {
      const [group, key] = c.name.includes(".") ? (c.name.split(".", 2) as [string, string]) : [null, c.name];
      if (group) answers[group] = { ...(answers[group] as Record<string, unknown> | undefined), [key]: value };
      else answers[key] = value;
    }
  }
  return { answers, ...extra };
}

/** The entry name an added map value gets unless one is typed: the module block's name for `module.<name>.irsa_policy_arn`. */
export function defaultEntryName(value: string): string {
  return /^module\.([^.]+)\./.exec(value)?.[1] ?? "";
}

export const EDIT_TITLES = {
  metadata: "Change the details of",
  access: "Change who administers",
  resource: "Change resource settings in",
  remove: "Remove resources from",
  decommission: "Decommission",
  "bump-module": "Bump a module version in",
  "default-tags": "Add the mandatory default tags to",
} as const;

/**
 * The metadata edit's controls, pre-filled from the namespace; with none, every control empty (a campaign's: the same
 * answers for every namespace, only the filled ones sent).
 */
export function metadataFields(ns?: NamespaceRecord): EditField[] {
  return [
    { name: "application", label: "Application", type: "text", initial: ns?.application ?? "" },
    { name: "owner", label: "Owner", type: "text", initial: ns?.owner ?? "", help: "<team display name>: <team email>" },
    { name: "slackChannel", label: "Slack channel", type: "text", initial: ns?.slackChannel ?? "" },
    { name: "sourceCode", label: "Source code", type: "text", initial: ns?.sourceCode ?? "", help: "One URL, or several separated by commas" },
    { name: "teamName", label: "Team name", type: "text", initial: ns?.teamName ?? "" },
    { name: "reviewAfter", label: "Review after", type: "text", initial: ns?.reviewAfter ?? "", help: "YYYY-MM-DD" },
    { name: "renewMonths", label: "Or renew for this many months from today", type: "number", initial: undefined },
    { name: "environment", label: "Environment", type: "text", initial: ns?.environment ?? "", help: "Changing it is flagged for review" },
    { name: "isProduction", label: "Production namespace", type: "checkbox", initial: ns?.isProduction ?? false, help: "Changing it is flagged for review" },
  ];
}

/** The access edit's controls: the teams to remove chosen among the namespace's, or typed as slugs when there is no one namespace (a campaign). */
export function accessFields(teams?: string[]): EditField[] {
  return [
    { name: "add", label: "GitHub teams to add as admins", type: "list", initial: [], help: "Team slugs, separated by commas" },
    teams
      ? { name: "remove", label: "Admin teams to remove", type: "choices", initial: [], options: teams, help: "The last admin team cannot be removed" }
      : {
          name: "remove",
          label: "Admin teams to remove",
          type: "list",
          initial: [],
          help: "Team slugs, separated by commas; the last admin team cannot be removed",
        },
  ];
}

/** The controls of each edit form, pre-filled from the namespace as indexed. */
export function editFields(operation: keyof typeof EDIT_TITLES, ns: NamespaceRecord): EditField[] {
  switch (operation) {
    case "metadata":
      return metadataFields(ns);
    case "access":
      return accessFields(ns.teams);
    case "remove":
      return [{ name: "names", label: "Module blocks to remove", type: "choices", initial: [], options: ns.modules.map((m) => m.name) }];
    case "decommission":
      return [
        { name: "confirm", label: `Type ${ns.name} to confirm`, type: "text", initial: "" },
        { name: "confirmWorkloads", label: "Decommission even though the cluster still runs workloads in it", type: "checkbox", initial: false, input: true },
      ];
    case "bump-module": {
      const modules = [...new Set(ns.modules.map((m) => m.module))].sort();
      return [
        {
          name: "module",
          label: "Module",
          type: "text",
          initial: modules[0] ?? "",
          help: `A catalogue module; this namespace uses ${modules.join(", ") || "none"}`,
        },
        {
          name: "version",
          label: "Version",
          type: "text",
          initial: "",
          help: "A version the catalogue knows (its latest); count = 0 blocks and pins at or ahead of it are left",
        },
      ];
    }
    case "default-tags":
      return [
        {
          name: "serviceArea",
          label: "Service area",
          type: "text",
          initial: "",
          help: "Declared only if variables.tf has no service_area; empty: the business unit",
        },
      ];
    case "resource":
      return [];
  }
}
