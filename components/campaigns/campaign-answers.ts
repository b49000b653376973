import type { EditField } from "../requests/edit-fields";
import { accessFields, metadataFields } from "../requests/edit-form-fields";
import { parseList } from "../requests/parse-list";

/**
 * The controls of a campaign's answers for the edits whose single-namespace form the campaign form reuses, all empty
 * (there is no one namespace to pre-fill them from); the module bump and the default tags have controls of their own.
 */
export function campaignFields(operation: string): EditField[] {
  if (operation === "metadata") return metadataFields();
  if (operation === "access") return accessFields();
  return [];
}

/**
 * What a campaign sends for its controls' values as typed: only the filled ones, each as the edit's answers take it
 * (a list split at commas, a number, a yes/no as a boolean). A checkbox is a choice of leave, yes or no here: the same
 * answer everywhere cannot leave a namespace as it is otherwise.
 */
export function campaignAnswers(fields: EditField[], values: Record<string, string>): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const f of fields) {
    const value = (values[f.name] ?? "").trim();
    if (value === "") continue;
    if (f.type === "list") {
      const items = parseList(value);
      if (items.length > 0) answers[f.name] = items;
    } else if (f.type === "number") answers[f.name] = Number(value);
    else if (f.type === "checkbox") answers[f.name] = value === "true";
    else answers[f.name] = value;
  }
  return answers;
}

/** The control a field error belongs to: its own name, or the control a nested name is under (`answers.add.0` -> `answers.add`). */
export function controlOf(field: string, controls: Iterable<string>): string | null {
  for (const control of controls) if (field === control || field.startsWith(`${control}.`)) return control;
  return null;
}
