export interface EditPreviewFile {
  path: string;
  content: string | null;
  previous: string | null;
  diff: string;
}

/** Each file an edit changes, with the unified diff the pull request will hold. */
export function EditPreviewFiles({ files }: { files: EditPreviewFile[] }) {
  if (files.length === 0) return <p className="text-sm">No file changes yet.</p>;
  return (
    <ul className="space-y-3">
      {files.map((f) => (
        <li key={f.path}>
          <p className="font-mono text-sm">
            {f.path} {f.content === null ? "(deleted)" : f.previous === null ? "(new)" : "(changed)"}
          </p>
          <pre tabIndex={0} aria-label={`Diff of ${f.path}`} data-testid="edit-diff" className="mt-1 overflow-x-auto rounded bg-slate-50 p-2 font-mono text-xs">
            {f.diff
              .split("\n")
              .filter((l) => !/^=+$/.test(l))
              .join("\n")}
          </pre>
        </li>
      ))}
    </ul>
  );
}
