const STYLES: Record<string, { text: string; className: string }> = {
  submitted: { text: "Submitted", className: "bg-slate-200 text-slate-900" },
  pr_open: { text: "Pull request open", className: "bg-sky-100 text-sky-900" },
  changes_requested: { text: "Changes requested", className: "bg-amber-100 text-amber-900" },
  approved: { text: "Approved", className: "bg-emerald-100 text-emerald-900" },
  merged: { text: "Merged", className: "bg-violet-100 text-violet-900" },
  applied: { text: "Applied", className: "bg-emerald-200 text-emerald-950" },
  closed: { text: "Closed", className: "bg-slate-200 text-slate-900" },
  failed: { text: "Failed", className: "bg-rose-100 text-rose-900" },
  conflict: { text: "Conflict", className: "bg-orange-100 text-orange-900" },
};

export function stateText(state: string): string {
  return STYLES[state]?.text ?? state;
}

export function StateBadge({ state }: { state: string }) {
  const style = STYLES[state] ?? { text: state, className: "bg-slate-200 text-slate-900" };
  return <span className={`whitespace-nowrap rounded px-2 py-0.5 text-sm ${style.className}`}>{style.text}</span>;
}
