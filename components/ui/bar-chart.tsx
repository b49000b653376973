import Link from "next/link";

export interface Bar {
  label: string;
  /** One or more segments, drawn end to end; each may link to its own filtered view. */
  segments: { value: number; className: string; href: string; name: string }[];
}

interface Props {
  title: string;
  /** Describes what a bar counts, for screen readers, e.g. "namespaces". */
  unit: string;
  bars: Bar[];
  legend?: { name: string; className: string }[];
}

/**
 * A horizontal bar chart as a list of links: each bar reads as "label: n unit"
 * to a screen reader and opens the filtered table when clicked.
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
      <ul className="space-y-1.5">
        {bars.map((bar) => {
          const total = bar.segments.reduce((s, x) => s + x.value, 0);
          return (
            <li key={bar.label} className="grid grid-cols-[minmax(6rem,10rem)_1fr_auto] items-center gap-2 text-sm">
              <span className="truncate" title={bar.label}>
                {bar.label}
              </span>
              <span className="flex h-5 overflow-hidden rounded bg-slate-100">
                {bar.segments
                  .filter((s) => s.value > 0)
                  .map((s) => (
                    <Link
                      key={s.name}
                      href={s.href}
                      className={`block h-full ${s.className}`}
                      style={{ width: `${(s.value / max) * 100}%` }}
                      aria-label={`${bar.label}, ${s.name}: ${s.value.toLocaleString("en-GB")} ${unit}`}
                    />
                  ))}
              </span>
              <Link href={bar.segments[0]?.href ?? "#"} className="tabular-nums text-blue-800 underline">
                {total.toLocaleString("en-GB")}
                <span className="sr-only">
                  {" "}
                  {unit}: {bar.label}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
