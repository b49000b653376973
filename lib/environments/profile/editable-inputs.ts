import { z } from "zod";

const identifier = z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]*$/, "a Terraform identifier");

/**
 * One module input a resource-settings edit may change, and how the form
 * takes it. `list(string)` items and `map(string)` keys and values are
 * checked against `pattern` too. `string`/`number`/`bool` are what the form
 * shows: the value is written in the form the block already uses (a
 * module that declares `string` and a block that writes `"true"` keeps
 * the quotes).
 */
export const editableInputSchema = z.object({
  type: z.enum(["string", "number", "bool", "list(string)", "map(string)", "enum"]),
  /** The allowed values of an `enum` (written as strings). */
  values: z.array(z.string()).optional(),
  /** A regular expression a string (or each item) must match whole. */
  pattern: z.string().optional(),
  /** What `pattern` asks for, in words, for the field error. */
  patternHint: z.string().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
});

/**
 * An input that stops the platform deleting what the module made (RDS
 * `deletion_protection`): a removal first turns it off in its own PR.
 * `default` is whether protection is on when a block does not set it.
 */
export const protectionInputSchema = z.object({ input: identifier, default: z.boolean() });

export const editableSchema = z.record(identifier, editableInputSchema);

export type EditableInput = z.infer<typeof editableInputSchema>;
export type ProtectionInput = z.infer<typeof protectionInputSchema>;
