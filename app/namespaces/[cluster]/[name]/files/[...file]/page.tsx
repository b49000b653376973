import type { Metadata } from "next";
import { NamespaceBreadcrumb } from "@/components/inventory/namespace-breadcrumb";
import { orNotFound } from "@/app/_lib/or-not-found";
import { pageViewer } from "@/app/_lib/page-viewer";
import { readNamespaceSource } from "@/lib/server/read-namespace-source";
import { getServices } from "@/lib/server/services";
import { pathSegment } from "@/app/_lib/path-segment";

type Params = { params: Promise<{ cluster: string; name: string; file: string[] }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { name, file } = await params;
  return { title: `${file.map(pathSegment).join("/")} · ${pathSegment(name)}` };
}

export default async function NamespaceFilePage({ params }: Params) {
  const { cluster, name, file } = await params;
  const [c, n, f] = [pathSegment(cluster), pathSegment(name), file.map(pathSegment).join("/")];
  const source = await orNotFound(readNamespaceSource(getServices(), await pageViewer(), c, n, f));
  return (
    <div className="space-y-4">
      <NamespaceBreadcrumb cluster={c} name={n}>
        <span aria-current="page">{f}</span>
      </NamespaceBreadcrumb>
      <h1 className="break-all font-mono text-xl font-semibold">{f}</h1>
      <p className="text-sm text-slate-700">
        <code className="font-mono">{source.path}</code> at commit <code className="font-mono">{source.commit.slice(0, 12)}</code>
      </p>
      {source.text === null ? (
        <p>This file is not text.</p>
      ) : (
        <pre tabIndex={0} aria-label={`Contents of ${f}`} className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-4 font-mono text-sm">
          {source.text}
        </pre>
      )}
    </div>
  );
}
