import { diffLines as lineChanges } from "diff";

function lines(text: string): string[] {
  return text.replace(/\n$/, "").split("\n");
}

/**
 * Lines that differ, as a unified-looking diff: new files are all additions, deleted ones all removals.
 * Lines are matched by content (a longest-common-subsequence diff), not by
 * position, so a line inserted in the middle marks only itself as added.
 */
export function diffLines(previous: string | null, content: string | null): string {
  if (content === null)
    return lines((previous ?? "").trimEnd())
      .map((l) => `- ${l}`)
      .join("\n");
  const after = content.trimEnd();
  if (previous === null)
    return lines(after)
      .map((l) => `+ ${l}`)
      .join("\n");
  // Both end in exactly one newline, so a last line never differs only by its ending.
  const changes = lineChanges(`${previous.trimEnd()}\n`, `${after}\n`);
  return changes.flatMap((change) => lines(change.value).map((l) => `${change.added ? "+" : change.removed ? "-" : " "} ${l}`)).join("\n");
}
