import type { Metadata } from "next";
import Link from "next/link";
import { NamespaceBreadcrumb } from "@/components/inventory/namespace-breadcrumb";
import { PodDetailView } from "@/components/clusters/pod-detail-view";
import { orNotFound } from "@/app/_lib/or-not-found";
import { pageViewer } from "@/app/_lib/page-viewer";
import { pathSegment } from "@/app/_lib/path-segment";
import { getPodDetail } from "@/lib/server/get-pod-detail";
import { getServices } from "@/lib/server/services";

type Params = { params: Promise<{ cluster: string; name: string; pod: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { name, pod } = await params;
  return { title: `${pathSegment(pod)} · ${pathSegment(name)}` };
}

/** One pod, read live from the cluster: for the namespace's owners and platform reviewers. */
export default async function PodPage({ params }: Params) {
  const { cluster, name, pod } = await params;
  const [c, n, p] = [pathSegment(cluster), pathSegment(name), pathSegment(pod)];
  const view = await orNotFound(getPodDetail(getServices(), await pageViewer(), c, n, p));
  return (
    <div className="space-y-4">
      <NamespaceBreadcrumb cluster={c} name={n}>
        pods / <span aria-current="page">{p}</span>
      </NamespaceBreadcrumb>
      <h1 className="break-all font-mono text-xl font-semibold">{p}</h1>
      <p>
        <Link href={`/namespaces/${encodeURIComponent(c)}/${encodeURIComponent(n)}/pods/${encodeURIComponent(p)}/logs`} className="text-blue-800 underline">
          Its containers&apos; logs
        </Link>
      </p>
      {view.ok ? (
        <PodDetailView pod={view.pod} events={view.events} now={Date.parse(view.at)} />
      ) : (
        <p role="status" className="rounded border border-amber-400 bg-amber-50 px-3 py-2 text-sm">
          {view.message}
        </p>
      )}
    </div>
  );
}
