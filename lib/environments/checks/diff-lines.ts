/**
 * The lines a change adds and removes in one file, as a line diff would show
 * them, compared as multisets: a line moved within the file is neither (what
 * a text check over `git diff` output would miss is a moved line, which
 * changes nothing).
 */
export function diffLines(previous: string | null, content: string | null): { added: string[]; removed: string[] } {
  const before = previous === null ? [] : previous.split("\n");
  const after = content === null ? [] : content.split("\n");
  const counts = new Map<string, number>();
  for (const line of before) counts.set(line, (counts.get(line) ?? 0) + 1);
  const added: string[] = [];
  for (const line of after) {
    const n = counts.get(line) ?? 0;
    if (n > 0) counts.set(line, n - 1);
    else added.push(line);
  }
  const removed: string[] = [];
  for (const line of before) {
    const n = counts.get(line) ?? 0;
    if (n > 0) {
      removed.push(line);
      counts.set(line, n - 1);
    }
  }
  return { added, removed };
}
