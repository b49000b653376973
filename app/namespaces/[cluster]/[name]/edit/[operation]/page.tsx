import type { Metadata } from "next";
import Link from "next/link";
import { EditRequestForm } from "@/components/requests/edit-request-form";
import { editFields, formEditable, resourceFields, EDIT_TITLES } from "@/components/requests/edit-form-fields";
import { editFormFor } from "@/lib/server/requests/edit-request-service";
import { orNotFound } from "@/app/_lib/or-not-found";
import { pageViewer } from "@/app/_lib/page-viewer";
import { pathSegment } from "@/app/_lib/path-segment";
import { getServices } from "@/lib/server/services";
import { namespacePolicySources } from "@/lib/environments/requests/irsa-policy-sources";

export const metadata: Metadata = { title: "Change a namespace" };

type Params = {
  params: Promise<{ cluster: string; name: string; operation: string }>;
  searchParams: Promise<{ after?: string | string[]; name?: string | string[] }>;
};

export default async function EditNamespacePage({ params, searchParams }: Params) {
  const { cluster, name, operation } = await params;
  const { after, name: block } = await searchParams;
  const viewer = await pageViewer();
  const form = await orNotFound(
    editFormFor(
      getServices(),
      viewer,
      pathSegment(cluster),
      pathSegment(name),
      pathSegment(operation),
      typeof after === "string" ? after : null,
      typeof block === "string" ? block : null,
    ),
  );
  const ns = form.namespace;
  const title = `${EDIT_TITLES[form.operation]} ${ns.name}`;
  const href = `/namespaces/${encodeURIComponent(ns.cluster)}/${encodeURIComponent(ns.name)}`;
  return (
    <div className="max-w-4xl space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={href} className="text-blue-800 underline">
          {ns.name}
        </Link>{" "}
        / <span aria-current="page">{EDIT_TITLES[form.operation]}</span>
      </nav>
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="text-sm">
        Berth changes only the lines this needs in the files as they are at commit <code className="font-mono">{form.commit.slice(0, 12)}</code>; the diff below
        is exactly what the pull request changes.
      </p>
      {form.followUp && (
        <p className="rounded border border-sky-400 bg-sky-50 p-3 text-sm text-sky-950">
          The next step of{" "}
          <Link href={`/requests/${form.followUp.id}`} className="text-blue-800 underline">
            request {form.followUp.id}
          </Link>
          , which is applied.
        </p>
      )}
      {form.operation === "decommission" && form.workloads.known && form.workloads.deployments + form.workloads.pods > 0 && (
        <p role="alert" className="rounded border border-orange-400 bg-orange-50 p-3 text-sm text-orange-950">
          The cluster still runs {form.workloads.deployments} deployment(s) and {form.workloads.pods} pod(s) in {ns.name}. Berth refuses to decommission it
          unless you confirm below; reviewers are shown that you did.
        </p>
      )}
      {form.operation === "resource" && !form.followUp && (
        <nav aria-label="Module blocks" className="flex flex-wrap items-center gap-3 text-sm">
          <span className="font-medium">Module block:</span>
          {ns.modules.map((m) => (
            <Link
              key={m.name}
              href={`?name=${encodeURIComponent(m.name)}`}
              aria-current={block === m.name ? "page" : undefined}
              className="text-blue-800 underline"
            >
              {m.name} ({m.module})
            </Link>
          ))}
        </nav>
      )}
      {form.inputs && !form.inputs.ok && (
        <p role="alert" className="rounded border border-rose-400 bg-rose-50 p-3 text-sm text-rose-900">
          {Object.values(form.inputs.errors).join("; ")}
        </p>
      )}
      {form.inputs?.ok && form.inputs.inputs.some((i) => !formEditable(i)) && (
        <section aria-labelledby="read-only" className="rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm">
          <h2 id="read-only" className="mb-1 font-semibold">
            Left as they are
          </h2>
          <p>The form cannot represent these values (an expression, a local, or a map the block does not set); Berth does not touch them.</p>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 font-mono text-xs">
            {form.inputs.inputs
              .filter((i) => !formEditable(i))
              .map((i) => (
                <div key={i.input} className="contents">
                  <dt>{i.input}</dt>
                  <dd>{i.text ?? "(not set)"}</dd>
                </div>
              ))}
          </dl>
        </section>
      )}
      {form.operation === "resource" && !form.followUp && !form.inputs?.ok ? null : form.available ? (
        <EditRequestForm
          cluster={ns.cluster}
          namespace={ns.name}
          operation={form.operation}
          baseCommit={form.commit}
          fields={
            form.followUp
              ? []
              : form.inputs?.ok
                ? resourceFields(form.inputs.inputs, namespacePolicySources(getServices().profile, ns.modules, typeof block === "string" ? block : ""))
                : editFields(form.operation, ns)
          }
          after={form.followUp?.id}
          base={form.followUp?.answers ?? (form.inputs?.ok && typeof block === "string" ? { name: block } : undefined)}
          submitLabel={form.followUp ? "Submit the next step" : "Submit the change"}
        />
      ) : (
        <p className="text-sm">This change is not available in this Berth yet.</p>
      )}
    </div>
  );
}
