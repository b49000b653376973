import { getViewer } from "@/lib/server/current-viewer";
import { apiRoute } from "@/lib/server/http";
import { readPodLogs } from "@/lib/server/read-pod-logs";

type Params = { params: Promise<{ cluster: string; name: string; pod: string }> };

// Note: a log is read when asked for, for whoever asks; never prerendered or cached.
export const dynamic = "force-dynamic";

/** A container's log as text, streamed from the cluster (?container=&tailLines=&follow=&previous=&download=). */
export const GET = apiRoute("/api/namespaces/[cluster]/[name]/pods/[pod]/logs", async (request, { params }: Params, services) => {
  const { cluster, name, pod } = await params;
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const { body, filename } = await readPodLogs(services, await getViewer(), { cluster, namespace: name, pod }, query, request.signal);
  return new Response(body, {
    headers: {
      "content-type": "text/plain; charset=utf-8",
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
      // A proxy (ingress-nginx) would otherwise hold a followed log back until its buffer fills.
      "x-accel-buffering": "no",
      ...(query.download === "true" ? { "content-disposition": `attachment; filename="${filename}"` } : {}),
    },
  });
});
