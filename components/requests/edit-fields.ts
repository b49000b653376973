/** One control of an edit form; the page describes them (pre-filled from the namespace), the form renders them. */
export interface EditField {
  /** The answer's field name (field errors are named by it; a dotted name nests), or an input's own (`confirmWorkloads`) when `input` is set. */
  name: string;
  label: string;
  /**
   * text, number and checkbox hold one value; list is comma-separated text; choices is a set of checkboxes over `options`;
   * map is named entries (an object of strings), each removable, added from `options` (the values offered) under a name.
   */
  type: "text" | "number" | "checkbox" | "list" | "choices" | "map";
  initial: unknown;
  help?: string;
  options?: string[];
  /** A map's entries written as expressions the form cannot check (`readOnlyKeys`): kept as they are, or removed, never changed. */
  readOnly?: string[];
  /** Sent beside the answers, not in them (the decommission's workload confirmation). */
  input?: boolean;
}
