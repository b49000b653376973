import Link from "next/link";

export interface Bar {
  label: string;
  /** The filtered view this bar stands for. */
  href: string;
  /** One or more segments, drawn end to end. */
  segments: { name: string; value: number; className: string }[];
  /** Further links shown after the total, e.g. "12 behind". */
  /** Notes after the total; those with an href link to the namespaces they count. */
  details?: { text: string; href?: string }[];
}

interface Props {
  title: string;
  /** What a bar counts, e.g. "namespaces"; read out after each number. */
  unit: string;
  bars: Bar[];
  legend?: { name: string; className: string }[];
}

const linkClass = "inline-flex min-h-6 items-center text-blue-800 underline";

/**
 * A horizontal bar chart whose rows are links: the label and number open the
 * filtered table; the bar itself is a picture of the number (hidden from
 * screen readers, which hear the same figures as text).
 */
export function BarChart({ title, unit, bars, legend }: Props) {
  const max = Math.max(1, ...bars.map((b) => b.segments.reduce((s, x) => s + x.value, 0)));
  const id = `chart-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return (
    <figure aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <figcaption id={id} className="mb-3 font-semibold">
        {title}
      </figcaption>
      {legend && (
        <ul className="mb-3 flex flex-wrap gap-4 text-sm" aria-label="Legend">
          {legend.map((l) => (
            <li key={l.name} className="flex items-center gap-1">
              <span aria-hidden className={`inline-block h-3 w-3 rounded-sm ${l.className}`} />
              {l.name}
            </li>
          ))}
        </ul>
      )}
      <ul className="space-y-1">
        {bars.map((bar) => {
          const total = bar.segments.reduce((s, x) => s + x.value, 0);
          return (
            <li key={bar.label} className="grid grid-cols-[minmax(6rem,10rem)_1fr_auto] items-center gap-x-2 text-sm">
              <Link href={bar.href} className={`${linkClass} truncate`} title={bar.label}>
                {bar.label}
              </Link>
              <span aria-hidden className="flex h-5 overflow-hidden rounded bg-slate-100">
                {bar.segments.map((s) => (
                  <span key={s.name} title={`${s.name}: ${s.value}`} className={`block h-full ${s.className}`} style={{ width: `${(s.value / max) * 100}%` }} />
                ))}
              </span>
              <span className="flex gap-3 tabular-nums">
                <span>
                  {total.toLocaleString("en-GB")}
                  <span className="sr-only"> {unit}</span>
                </span>
                {bar.details?.map((d) =>
                  d.href ? (
                    <Link key={d.text} href={d.href} className={linkClass}>
                      {d.text}
                    </Link>
                  ) : (
                    <span key={d.text}>{d.text}</span>
                  ),
                )}
              </span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
