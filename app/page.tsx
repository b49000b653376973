import { BarChart } from "@/components/ui/bar-chart";
import { StatCard } from "@/components/ui/stat-card";
import { inventoryQueryString } from "@/lib/environments/inventory/query-inventory";
import { getOverview } from "@/lib/server/get-overview";
import { pageViewer } from "@/app/_lib/page-viewer";
import { getServices } from "@/lib/server/services";

const link = (params: Record<string, string>) => `/namespaces${inventoryQueryString(params)}`;

export default async function OverviewPage() {
  const o = await getOverview(getServices(), await pageViewer());
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Inventory overview</h1>
        <p className="text-sm text-slate-700">
          Every namespace in the environments repository at commit <code className="font-mono">{o.commit.slice(0, 12)}</code>.
        </p>
      </div>

      <ul className="grid grid-cols-2 gap-3 md:grid-cols-4 lg:grid-cols-7" aria-label="Key figures">
        <li>
          <StatCard label="Namespaces" value={o.total} href="/namespaces" />
        </li>
        <li>
          <StatCard label="Production" value={o.production} href={link({ production: "true" })} />
        </li>
        <li>
          <StatCard label="Non-production" value={o.total - o.production} href={link({ production: "false" })} />
        </li>
        <li>
          <StatCard label="Review overdue" value={o.overdue} href={link({ flag: "overdue" })} tone="warning" />
        </li>
        <li>
          <StatCard
            label="Lagging module pins"
            value={o.laggingPins}
            href={link({ flag: "lagging" })}
            tone="warning"
            hint={`in ${o.laggingNamespaces.toLocaleString("en-GB")} namespaces`}
          />
        </li>
        <li>
          <StatCard label="With unreadable files" value={o.withErrors} href={link({ flag: "errors" })} tone="warning" />
        </li>
        <li>
          <StatCard label="With warnings only" value={o.withWarnings} href={link({ flag: "warnings" })} hint="e.g. .yml manifests" />
        </li>
      </ul>

      <div className="grid gap-4 lg:grid-cols-2">
        <BarChart
          title="Namespaces by business unit"
          unit="namespaces"
          bars={o.byBusinessUnit.map((c) => ({
            label: c.label,
            href: link({ businessUnit: c.label }),
            segments: [{ name: "namespaces", value: c.count, className: "bg-blue-700" }],
          }))}
        />
        <div className="space-y-4">
          <BarChart
            title="Namespaces by cluster"
            unit="namespaces"
            bars={o.byCluster.map((c) => ({
              label: c.label,
              href: link({ cluster: c.label }),
              segments: [{ name: "namespaces", value: c.count, className: "bg-teal-700" }],
            }))}
          />
          <BarChart
            title="Production and non-production"
            unit="namespaces"
            bars={[
              { label: "Production", href: link({ production: "true" }), segments: [{ name: "production", value: o.production, className: "bg-rose-700" }] },
              {
                label: "Non-production",
                href: link({ production: "false" }),
                segments: [{ name: "non-production", value: o.total - o.production, className: "bg-slate-500" }],
              },
            ]}
          />
        </div>
      </div>

      <BarChart
        title="Modules in use, and pins behind the catalogue"
        unit="uses"
        legend={[
          { name: "Current version", className: "bg-emerald-700" },
          { name: "Behind the catalogue", className: "bg-amber-600" },
          { name: "Other (unpinned, ahead or not catalogued)", className: "bg-slate-500" },
        ]}
        bars={o.modules.map((m) => ({
          label: m.module,
          href: link({ module: m.module }),
          segments: [
            { name: `current (${m.currentVersion ?? "not catalogued"})`, value: m.current, className: "bg-emerald-700" },
            { name: "behind", value: m.behind, className: "bg-amber-600" },
            { name: "other", value: m.other, className: "bg-slate-500" },
          ],
          details: [
            ...(m.behind > 0 ? [{ text: `${m.behind.toLocaleString("en-GB")} behind`, href: link({ module: m.module, flag: "lagging" }) }] : []),
            ...(m.disabled > 0 ? [{ text: `${m.disabled.toLocaleString("en-GB")} disabled (count = 0), not counted` }] : []),
          ],
        }))}
      />
      <section aria-labelledby="latest-heading" className="text-sm">
        <h2 id="latest-heading" className="font-semibold">
          Where each latest version comes from
        </h2>
        <ul className="mt-1 list-disc pl-5">
          {o.modules
            .filter((m) => m.latest)
            .map((m) => (
              <li key={m.module}>
                <span className="font-mono">
                  {m.module} {m.latest!.version}
                </span>
                : {m.latest!.fromLabel}
                {m.latest!.at ? `, read ${m.latest!.at.slice(0, 10)}` : ""}
                {m.latest!.note ? ` (${m.latest!.note})` : ""}
              </li>
            ))}
        </ul>
      </section>
    </div>
  );
}
