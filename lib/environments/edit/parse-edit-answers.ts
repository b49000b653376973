import type { EditOperation } from "./edit-operation";

/**
 * An edit's answers parsed with its schema, or each failing field's first
 * message, named by the answers' own fields (`add.0`, `slackChannel`); an
 * unknown field is an error of its own, so a misspelt one is not dropped.
 */
export function parseEditAnswers<A>(operation: EditOperation<A>, input: unknown): { ok: true; answers: A } | { ok: false; errors: Record<string, string> } {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return { ok: false, errors: { answers: `expected an object with the ${operation.name} edit's fields` } };
  }
  const result = operation.answersSchema.safeParse(input);
  if (result.success) return { ok: true, answers: result.data };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) errors[[...issue.path, key].join(".")] ??= `not a field of a ${operation.name} edit`;
      continue;
    }
    errors[issue.path.map(String).join(".") || "answers"] ??= issue.message;
  }
  return { ok: false, errors };
}
