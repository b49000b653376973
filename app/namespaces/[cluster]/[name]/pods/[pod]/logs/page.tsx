import type { Metadata } from "next";
import { NamespaceBreadcrumb } from "@/components/inventory/namespace-breadcrumb";
import { PodLogs } from "@/components/clusters/pod-logs";
import { orNotFound } from "@/app/_lib/or-not-found";
import { pageViewer } from "@/app/_lib/page-viewer";
import { pathSegment } from "@/app/_lib/path-segment";
import { isAppError } from "@/lib/errors";
import { getPodContainers } from "@/lib/server/get-pod-containers";
import { getServices } from "@/lib/server/services";

type Params = { params: Promise<{ cluster: string; name: string; pod: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { pod } = await params;
  return { title: `Logs of ${pathSegment(pod)}` };
}

/** A pod's container logs, for the namespace's owners and platform reviewers. */
export default async function PodLogsPage({ params }: Params) {
  const segments = await params;
  const [cluster, name, pod] = [pathSegment(segments.cluster), pathSegment(segments.name), pathSegment(segments.pod)];
  // A cluster that does not answer is shown, not thrown (the page says why); missing or forbidden are 404 and 403.
  const containers = await orNotFound(
    getPodContainers(getServices(), await pageViewer(), { cluster, namespace: name, pod }).catch((error: unknown) => {
      if (isAppError(error) && error.code === "upstream") return error.message;
      throw error;
    }),
  );
  const namespacePath = `/namespaces/${encodeURIComponent(cluster)}/${encodeURIComponent(name)}`;
  return (
    <div className="space-y-6">
      <NamespaceBreadcrumb cluster={cluster} name={name}>
        <span aria-current="page">{pod}</span>
      </NamespaceBreadcrumb>
      <h1 className="text-2xl font-semibold">
        Logs of <span className="font-mono">{pod}</span>
      </h1>
      <p className="text-sm text-slate-700">Read from the cluster as you ask; Berth keeps no copy.</p>
      {typeof containers === "string" ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-950">
          {containers}
        </p>
      ) : (
        <PodLogs apiPath={`/api${namespacePath}/pods/${encodeURIComponent(pod)}/logs`} containers={containers} />
      )}
    </div>
  );
}
