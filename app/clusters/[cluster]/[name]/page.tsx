import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { NamespaceLiveStatus } from "@/components/clusters/namespace-live-status";
import { getNamespaceLive } from "@/lib/server/get-namespace-live";
import { orNotFound } from "@/app/_lib/or-not-found";
import { pageViewer } from "@/app/_lib/page-viewer";
import { getServices } from "@/lib/server/services";
import { pathSegment } from "@/app/_lib/path-segment";

type Params = { params: Promise<{ cluster: string; name: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { name } = await params;
  return { title: `${pathSegment(name)} (cluster only)` };
}

/** A namespace a cluster runs but no repository folder defines: only its live status exists. */
export default async function ClusterNamespacePage({ params }: Params) {
  const { cluster, name } = await params;
  const [c, n] = [pathSegment(cluster), pathSegment(name)];
  const live = await orNotFound(getNamespaceLive(getServices(), await pageViewer(), c, n));
  if (live.inRepository) redirect(`/namespaces/${encodeURIComponent(c)}/${encodeURIComponent(n)}`);
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/drift" className="text-blue-800 underline">
          Drift
        </Link>{" "}
        / {c} / <span aria-current="page">{n}</span>
      </nav>
      <h1 className="text-2xl font-semibold">{n}</h1>
      <p className="rounded border border-amber-400 bg-amber-50 px-3 py-2 text-sm">
        No folder of the environments repository defines this namespace; it exists only in cluster {c}.
      </p>
      <NamespaceLiveStatus cluster={c} name={n} initial={live} />
    </div>
  );
}
