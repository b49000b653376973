import { diffLines } from "./diff-lines";

/** A file as one revision wrote it; `content: null` deleted it. */
interface RevisionFile {
  path: string;
  content: string | null;
}

/** What one revision changed: each file it wrote, added or dropped, as a diff against the revision before. */
export function RevisionDiff({ revision, label }: { revision: { sha: string | null; before: RevisionFile[]; after: RevisionFile[] }; label: string }) {
  const paths = [...new Set([...revision.before.map((f) => f.path), ...revision.after.map((f) => f.path)])];
  const changes = paths
    .map((path) => ({
      path,
      before: revision.before.find((f) => f.path === path)?.content ?? null,
      after: revision.after.find((f) => f.path === path)?.content ?? null,
    }))
    .filter((c) => c.before !== c.after);
  return (
    <details className="w-full">
      <summary className="cursor-pointer text-blue-800 underline">What changed{revision.sha ? ` in commit ${revision.sha.slice(0, 12)}` : ""}</summary>
      <ul className="mt-1 space-y-2">
        {changes.map((c) => (
          <li key={c.path}>
            <p className="font-mono text-xs">
              {c.path} {c.before === null ? "(added)" : c.after === null ? "(dropped)" : "(changed)"}
            </p>
            <pre tabIndex={0} aria-label={`${label}: changes to ${c.path}`} className="mt-1 overflow-x-auto rounded bg-slate-50 p-2 font-mono text-xs">
              {c.after === null ? diffLines(c.before, "") : diffLines(c.before, c.after)}
            </pre>
          </li>
        ))}
      </ul>
    </details>
  );
}
