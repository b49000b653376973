import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { orNotFound } from "@/app/_lib/or-not-found";
import { pageViewer } from "@/app/_lib/page-viewer";
import { pathSegment } from "@/app/_lib/path-segment";
import { getApplication } from "@/lib/server/get-application";
import { getServices } from "@/lib/server/services";

type Params = { params: Promise<{ key: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { key } = await params;
  return { title: `Application ${pathSegment(key)}` };
}

const cell = "px-3 py-2 align-top";

/** One application's namespaces side by side: which image each environment runs, production's differences from staging marked. */
export default async function ApplicationPage({ params }: Params) {
  const key = pathSegment((await params).key);
  const app = await orNotFound(getApplication(getServices(), await pageViewer(), key));
  const safeUrl = app.sourceCode && /^https?:\/\//.test(app.sourceCode) ? app.sourceCode : null;
  const differing = app.rows.filter((r) => r.productionDiffers).length;
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/namespaces" className="text-blue-800 underline">
          Namespaces
        </Link>{" "}
        / <span aria-current="page">{app.name}</span>
      </nav>
      <h1 className="text-2xl font-semibold">{app.name}</h1>
      <p className="text-sm text-slate-700">
        {app.environments.length} {app.environments.length === 1 ? "namespace" : "namespaces"} of one application (same source-code repository or application
        annotation)
        {safeUrl && (
          <>
            {" "}
            from{" "}
            <a href={safeUrl} className="text-blue-800 underline" rel="noreferrer">
              {safeUrl}
            </a>
          </>
        )}
        .
      </p>
      {app.staging && app.environments.some((e) => e.isProduction) && (
        <p
          role="status"
          className={`rounded px-3 py-2 text-sm ${differing > 0 ? "border border-amber-400 bg-amber-50" : "border border-emerald-300 bg-emerald-50"}`}
        >
          {differing > 0
            ? `Production runs other images than ${app.staging} in ${differing} ${differing === 1 ? "deployment" : "deployments"}.`
            : `Production runs the same images as ${app.staging}.`}
        </p>
      )}
      <DataTable caption={`Images of ${app.name} by environment`} columns={["Deployment", ...app.environments.map((e) => e.environment ?? e.namespace)]}>
        <tr>
          <th scope="row" className={`${cell} text-left font-normal text-slate-700`}>
            Namespace
          </th>
          {app.environments.map((e) => (
            <td key={`${e.cluster}/${e.namespace}`} className={cell}>
              <Link href={`/namespaces/${encodeURIComponent(e.cluster)}/${encodeURIComponent(e.namespace)}`} className="font-mono text-blue-800 underline">
                {e.namespace}
              </Link>
              {e.isProduction && <span className="ml-2 rounded bg-rose-100 px-1.5 text-xs text-rose-900">Production</span>}
              {!e.known && <div className="text-xs text-slate-700">Cluster {e.cluster} not known yet</div>}
            </td>
          ))}
        </tr>
        {app.rows.map((row) => (
          <tr key={row.deployment} data-deployment={row.deployment}>
            <th scope="row" className={`${cell} text-left font-mono font-normal`}>
              {row.deployment}
            </th>
            {row.images.map((images, i) => {
              const env = app.environments[i]!;
              const flagged = row.productionDiffers && env.isProduction;
              return (
                <td key={`${env.cluster}/${env.namespace}`} className={`${cell} ${flagged ? "bg-amber-50" : ""}`} data-differs={flagged || undefined}>
                  {images === null ? (
                    <span className="text-slate-700">{env.known ? "Not deployed" : "—"}</span>
                  ) : (
                    images.map((c) => (
                      <div key={c.container} title={c.image} className="font-mono text-xs">
                        {images.length > 1 && `${c.container}: `}
                        {c.tag ?? c.image}
                      </div>
                    ))
                  )}
                  {flagged && <strong className="mt-1 inline-block rounded bg-amber-100 px-1.5 text-xs text-amber-900">Differs from {app.staging}</strong>}
                </td>
              );
            })}
          </tr>
        ))}
      </DataTable>
      {app.rows.length === 0 && <p className="text-sm">No deployments in these namespaces.</p>}
    </div>
  );
}
