import Link from "next/link";

interface Props {
  label: string;
  value: number;
  href: string;
  tone?: "neutral" | "warning";
  hint?: string;
}

export function StatCard({ label, value, href, tone = "neutral", hint }: Props) {
  const toneClass = tone === "warning" && value > 0 ? "border-amber-400 bg-amber-50" : "border-slate-200 bg-white";
  return (
    <Link href={href} className={`block rounded-lg border p-4 shadow-sm hover:border-blue-700 ${toneClass}`}>
      <span className="block text-sm text-slate-700">{label}</span>
      <span className="block text-3xl font-semibold tabular-nums">{value.toLocaleString("en-GB")}</span>
      {hint && <span className="block text-xs text-slate-700">{hint}</span>}
    </Link>
  );
}
