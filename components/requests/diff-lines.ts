/** Lines that differ, as a unified-looking diff: new files are all additions. */
export function diffLines(previous: string | null, content: string): string {
  const after = content.trimEnd().split("\n");
  if (previous === null) return after.map((l) => `+ ${l}`).join("\n");
  const before = previous.trimEnd().split("\n");
  const out: string[] = [];
  for (let i = 0; i < Math.max(before.length, after.length); i++) {
    if (before[i] === after[i]) out.push(`  ${after[i]}`);
    else {
      if (before[i] !== undefined) out.push(`- ${before[i]}`);
      if (after[i] !== undefined) out.push(`+ ${after[i]}`);
    }
  }
  return out.join("\n");
}
