/** A file's unified diff, scrollable and focusable, without the `=====` separator lines `diff` writes. */
export function DiffText({ path, diff, testId }: { path: string; diff: string; testId: string }) {
  return (
    <pre tabIndex={0} aria-label={`Diff of ${path}`} data-testid={testId} className="mt-1 overflow-x-auto rounded bg-slate-50 p-2 font-mono text-xs">
      {diff
        .split("\n")
        .filter((l) => !/^=+$/.test(l))
        .join("\n")}
    </pre>
  );
}
