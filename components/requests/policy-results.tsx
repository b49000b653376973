/** The repository's policy checks, each passed or failed with its message. */
export function PolicyResults({ results }: { results: { rule: string; pass: boolean; message: string }[] }) {
  return (
    <ul className="space-y-1 text-sm">
      {results.map((p) => (
        <li key={p.rule} className="flex gap-2">
          <span className={`shrink-0 rounded px-1.5 font-semibold ${p.pass ? "bg-emerald-100 text-emerald-900" : "bg-rose-100 text-rose-900"}`}>
            {p.pass ? "Pass" : "Fail"}
          </span>
          <span>
            <span className="font-medium">{p.rule}</span>: {p.message}
          </span>
        </li>
      ))}
    </ul>
  );
}
