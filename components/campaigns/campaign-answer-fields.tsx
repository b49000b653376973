import type { EditField } from "../requests/edit-fields";
import { Field } from "./campaign-field";

interface Props {
  fields: EditField[];
  values: Record<string, string>;
  /** The error shown at a control, by its name as the campaign's body nests it (`answers.add`). */
  errorOf: (control: string) => string | undefined;
  onChange: (name: string, value: string) => void;
}

/**
 * The answers of an edit whose controls the single-namespace form describes (components/requests/edit-form-fields.ts),
 * all empty: a list is typed with commas, and a checkbox is a choice, so that leaving it changes nothing.
 */
export function CampaignAnswerFields({ fields, values, errorOf, onChange }: Props) {
  return (
    <>
      <p className="text-sm md:col-span-2">Only the fields you fill in change, to the same value in every namespace; each keeps the rest as it is.</p>
      {fields.map((f) => (
        <Field key={f.name} name={`answers.${f.name}`} label={f.label} hint={f.help} error={errorOf(`answers.${f.name}`)}>
          {(p) =>
            f.type === "checkbox" ? (
              <select {...p} value={values[f.name] ?? ""} onChange={(e) => onChange(f.name, e.target.value)}>
                <option value="">Leave as it is</option>
                <option value="true">Yes</option>
                <option value="false">No</option>
              </select>
            ) : (
              <input
                {...p}
                type={f.type === "number" ? "number" : "text"}
                value={values[f.name] ?? ""}
                maxLength={f.type === "number" ? undefined : 1000}
                onChange={(e) => onChange(f.name, e.target.value)}
              />
            )
          }
        </Field>
      ))}
    </>
  );
}
