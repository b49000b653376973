import type { CheckResult } from "@/lib/environments/checks/change";

const BADGE = {
  pass: ["Pass", "bg-emerald-100 text-emerald-900"],
  warn: ["Warning", "bg-amber-100 text-amber-900"],
  fail: ["Fail", "bg-rose-100 text-rose-900"],
} as const;

/** The repository's PR checks, one line per result, each naming the check it mirrors. */
export function CheckResults({ results }: { results: CheckResult[] }) {
  return (
    <ul className="space-y-1 text-sm">
      {results.map((r, i) => (
        <li key={`${r.id}-${i}`} className="flex gap-2">
          <span className={`shrink-0 rounded px-1.5 font-semibold ${BADGE[r.status][1]}`}>{BADGE[r.status][0]}</span>
          <span>
            <span className="font-medium">{r.id}</span>: {r.message}
          </span>
        </li>
      ))}
    </ul>
  );
}
