import type { DefaultTag } from "../profile/mandatory-default-tags";
import { escapeHcl } from "./escape-hcl";

/** A default tag's value as HCL: `var.<variable>`, or its fixed text quoted through escapeHcl. */
export function defaultTagValue(tag: DefaultTag): string {
  return tag.variable !== undefined ? `var.${tag.variable}` : escapeHcl(tag.value);
}

/** An object key as HCL writes it: bare when it is an identifier, quoted otherwise. */
export function formatHclKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? key : escapeHcl(key);
}
