import type { z } from "zod";
import type { PlatformProfile } from "../profile/profile";
import type { NamespaceRecord } from "../types";

/** A namespace folder as it is at one commit: the index's record of it and the text of each of its files. */
export interface NamespaceFolder {
  record: NamespaceRecord;
  /** Text of each file, by path relative to the namespace folder (files that are not text are absent). */
  files: ReadonlyMap<string, string>;
}

/** One changed file, by its path from the repository root; `content: null` deletes it. */
export interface EditedFile {
  path: string;
  content: string | null;
}

/**
 * What an edit of existing files produced. `ok` with no files: the answers change nothing.
 * `followUp`: the request that must come after this one is applied (the second step of a
 * two-step removal, the next step of a decommission), with why. `blocks`: how many blocks
 * the change touches, for an operation that says (a campaign's preview counts them).
 */
export type EditResult =
  | { ok: true; files: EditedFile[]; notes: string[]; followUp?: { operation: EditOperationName; answers: unknown; reason: string }; blocks?: number }
  | { ok: false; errors: Record<string, string> };

export type EditOperationName = "metadata" | "access" | "resource" | "remove" | "decommission" | "bump-module" | "default-tags";

/** One kind of change to what already exists (lib/environments/edit/operations.ts lists them). */
export interface EditOperation<A> {
  name: EditOperationName;
  /** The answers as `berth edit` and the API take them; field errors are named by these fields. */
  answersSchema: z.ZodType<A>;
  /**
   * May answer a promise: HCL edits load the tree-sitter parser (WebAssembly,
   * loaded once) on first use. Callers await the result either way.
   */
  apply(folder: NamespaceFolder, answers: A, profile: PlatformProfile, context?: EditContext): EditResult | Promise<EditResult>;
  /**
   * Optional: why the answers change nothing in a namespace, judged from its
   * index record alone (the note apply would give), or null when only the
   * files can tell. Lets a campaign's preview skip reading such folders; it
   * must never answer for a change apply would make or refuse.
   */
  unchangedFor?(record: NamespaceRecord, answers: A, profile: PlatformProfile): string | null;
}

/** What an edit may need beyond the folder and the answers; passed by the caller so tests can fix it. */
export interface EditContext {
  /** Now, for dates computed from today (metadata's `renewMonths`). */
  now: Date;
}
