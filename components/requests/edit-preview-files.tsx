import { DiffText } from "./diff-text";

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
          <DiffText path={f.path} diff={f.diff} testId="edit-diff" />
        </li>
      ))}
    </ul>
  );
}
