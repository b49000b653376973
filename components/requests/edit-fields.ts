/** One control of an edit form; the page describes them (pre-filled from the namespace), the form renders them. */
export interface EditField {
  /** The answer's field name (field errors are named by it; a dotted name nests), or an input's own (`confirmWorkloads`) when `input` is set. */
  name: string;
  label: string;
  /** text, number and checkbox hold one value; list is comma-separated text; choices is a set of checkboxes over `options`. */
  type: "text" | "number" | "checkbox" | "list" | "choices";
  initial: unknown;
  help?: string;
  options?: string[];
  /** Sent beside the answers, not in them (the decommission's workload confirmation). */
  input?: boolean;
}
