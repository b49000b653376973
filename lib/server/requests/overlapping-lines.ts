import { diffArrays } from "diff";

/** The 1-based lines of `base` that a change to `changed` replaced or deleted (lines inserted alone mark the line they precede). */
function touchedLines(base: string[], changed: string[]): Set<number> {
  const touched = new Set<number>();
  let line = 1;
  let replacing = false;
  for (const part of diffArrays(base, changed)) {
    if (part.removed) for (let i = 0; i < part.count!; i++) touched.add(line + i);
    // Lines added right after removed ones replace them; added alone, they go in before `line`.
    else if (part.added && !replacing) touched.add(line);
    replacing = !!part.removed;
    if (!part.added) line += part.count!;
  }
  return touched;
}

/**
 * The lines of a file's `base` text that both `ours` and `theirs` changed: where an edit and a later change of main
 * disagree, even when the edit can be applied again to main's text (the same value changed twice). Empty: the two
 * changes touch different lines.
 */
export function overlappingLines(base: string, ours: string | null, theirs: string | null): number[] {
  const split = (text: string | null) => (text === null ? [] : text.split("\n"));
  const baseLines = split(base);
  const theirsTouched = touchedLines(baseLines, split(theirs));
  return [...touchedLines(baseLines, split(ours))].filter((line) => theirsTouched.has(line)).sort((a, b) => a - b);
}
