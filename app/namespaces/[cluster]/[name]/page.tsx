import type { Metadata } from "next";
import Link from "next/link";
import { TeamLinks } from "@/components/inventory/team-links";
import { EditLinks } from "@/components/requests/edit-links";
import { inventoryQueryString } from "@/lib/environments/inventory/query-inventory";
import { applicationKey } from "@/lib/environments/inventory/group-applications";
import type { PinStatus } from "@/lib/environments/profile/module-version";
import { fileLink } from "@/lib/server/file-link";
import { getNamespace } from "@/lib/server/get-namespace";
import { getNamespaceLive } from "@/lib/server/get-namespace-live";
import { NamespaceLiveStatus } from "@/components/clusters/namespace-live-status";
import { orNotFound } from "@/app/_lib/or-not-found";
import { pageViewer } from "@/app/_lib/page-viewer";
import { getServices } from "@/lib/server/services";
import { namespaceRequestsFor } from "@/lib/server/requests/request-service";
import { OpenRequests } from "@/components/requests/open-requests";
import { pathSegment } from "@/app/_lib/path-segment";

type Params = { params: Promise<{ cluster: string; name: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { name } = await params;
  return { title: name };
}

const STATUS_TEXT: Record<PinStatus, { text: string; className: string }> = {
  current: { text: "Current", className: "bg-emerald-100 text-emerald-900" },
  behind: { text: "Behind", className: "bg-amber-100 text-amber-900" },
  ahead: { text: "Ahead of catalogue", className: "bg-sky-100 text-sky-900" },
  unpinned: { text: "Unpinned", className: "bg-amber-100 text-amber-900" },
  uncatalogued: { text: "Not in catalogue", className: "bg-slate-100 text-slate-900" },
  unknown: { text: "Unrecognised version", className: "bg-slate-100 text-slate-900" },
};

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-1 gap-1 py-2 sm:grid-cols-[12rem_1fr]">
      <dt className="font-medium text-slate-700">{label}</dt>
      <dd className="break-words">{children ?? "—"}</dd>
    </div>
  );
}

export default async function NamespacePage({ params }: Params) {
  const { cluster, name } = await params;
  const viewer = await pageViewer();
  const {
    namespace: ns,
    commit,
    reviewOverdue,
    modules,
    owner,
    fullView,
  } = await orNotFound(getNamespace(getServices(), viewer, pathSegment(cluster), pathSegment(name)));
  const live = await getNamespaceLive(getServices(), viewer, ns.cluster, ns.name);
  const requests = await namespaceRequestsFor(getServices(), viewer, ns.cluster, ns.name);
  const safeUrl = ns.sourceCode && /^https?:\/\//.test(ns.sourceCode) ? ns.sourceCode : null;

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/namespaces" className="text-blue-800 underline">
          Namespaces
        </Link>{" "}
        / {ns.cluster} / <span aria-current="page">{ns.name}</span>
      </nav>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{ns.name}</h1>
        <span className={`rounded px-2 py-0.5 text-sm ${ns.isProduction ? "bg-rose-100 text-rose-900" : "bg-slate-200 text-slate-900"}`}>
          {ns.isProduction ? "Production" : "Non-production"}
        </span>
        {ns.skipApply && <span className="rounded bg-amber-100 px-2 py-0.5 text-sm text-amber-900">Skipped by the apply pipeline</span>}
        {owner ? (
          <span className="rounded bg-emerald-100 px-2 py-0.5 text-sm text-emerald-900">Your team owns this namespace</span>
        ) : (
          fullView && <span className="rounded bg-sky-100 px-2 py-0.5 text-sm text-sky-900">Reviewer: full view</span>
        )}
      </div>

      {owner && (
        <Link
          href={`/namespaces/${encodeURIComponent(ns.cluster)}/${encodeURIComponent(ns.name)}/resources/new`}
          className="inline-block rounded bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800"
        >
          Request AWS resources
        </Link>
      )}
      {fullView && <EditLinks cluster={ns.cluster} name={ns.name} />}

      {ns.problems.length > 0 && (
        <section aria-labelledby="problems" className="rounded-lg border border-amber-400 bg-amber-50 p-4">
          <h2 id="problems" className="font-semibold">
            {ns.problems.some((p) => p.severity === "error") ? "Berth could not read everything in this folder" : "Warnings about this folder"}
          </h2>
          <ul className="mt-2 list-disc pl-5 text-sm">
            {ns.problems.map((p, i) => (
              <li key={i}>
                <strong className="font-semibold">{p.severity === "error" ? "Error" : "Warning"}:</strong> <code className="font-mono">{p.file}</code>:{" "}
                {p.message}
              </li>
            ))}
          </ul>
        </section>
      )}

      <OpenRequests requests={requests} />

      <section aria-labelledby="metadata" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="metadata" className="mb-2 font-semibold">
          Metadata
        </h2>
        <dl className="divide-y divide-slate-100 text-sm">
          <Field label="Cluster">{ns.cluster}</Field>
          <Field label="Business unit">
            {ns.businessUnit && (
              <Link href={`/namespaces${inventoryQueryString({ businessUnit: ns.businessUnit })}`} className="text-blue-800 underline">
                {ns.businessUnit}
              </Link>
            )}
          </Field>
          <Field label="Environment">{ns.environment}</Field>
          <Field label="Application">
            {applicationKey(ns) ? (
              <>
                {ns.application ?? applicationKey(ns)}{" "}
                <Link href={`/applications/${encodeURIComponent(applicationKey(ns)!)}`} className="text-blue-800 underline">
                  Images across its environments
                </Link>
              </>
            ) : (
              ns.application
            )}
          </Field>
          <Field label="Owner">{ns.owner}</Field>
          <Field label="Team name">{ns.teamName}</Field>
          <Field label="Slack channel">{ns.slackChannel}</Field>
          <Field label="Slack alert channel">{ns.slackAlertChannel}</Field>
          <Field label="Source code">
            {safeUrl ? (
              <a href={safeUrl} className="text-blue-800 underline" rel="noreferrer">
                {safeUrl}
              </a>
            ) : (
              ns.sourceCode
            )}
          </Field>
          <Field label="Review after">
            {ns.reviewAfter && (
              <>
                {ns.reviewAfter}
                {reviewOverdue && <strong className="ml-2 rounded bg-amber-100 px-1.5 text-amber-900">Overdue</strong>}
              </>
            )}
          </Field>
        </dl>
      </section>

      <NamespaceLiveStatus cluster={ns.cluster} name={ns.name} initial={live} />

      <section aria-labelledby="teams" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="teams" className="mb-2 font-semibold">
          Owning teams
        </h2>
        <p className="mb-2 text-sm text-slate-700">Teams bound to ClusterRole admin: they may request changes to this namespace.</p>
        <TeamLinks teams={ns.teams} empty="No RoleBinding in this folder binds a GitHub team to ClusterRole admin." />
      </section>

      {ns.otherAccess.length > 0 && (
        <section aria-labelledby="other-access" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h2 id="other-access" className="mb-2 font-semibold">
            Other access
          </h2>
          <p className="mb-2 text-sm text-slate-700">Bound to narrower roles, or single users: access to the namespace, not ownership.</p>
          <ul className="space-y-1 text-sm">
            {ns.otherAccess.map((a) => (
              <li key={`${a.kind}/${a.name}/${a.role}`}>
                {a.kind === "team" ? "Team" : "User"} <span className="font-mono">{a.name}</span>: <span className="font-mono">{a.role}</span> (
                <a href={fileLink(getServices().env, ns, a.file, commit)} className="font-mono text-blue-800 underline">
                  {a.file}
                </a>
                )
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="resources" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="resources" className="mb-2 font-semibold">
          AWS resources
        </h2>
        {modules.length === 0 ? (
          <p className="text-sm">No Terraform modules.</p>
        ) : (
          <div className="relative overflow-x-auto">
            <table className="min-w-full text-sm">
              <caption className="sr-only">Terraform modules used by {ns.name}</caption>
              <thead className="bg-slate-100">
                <tr>
                  <th scope="col" className="px-3 py-2 text-left">
                    Name
                  </th>
                  <th scope="col" className="px-3 py-2 text-left">
                    Module
                  </th>
                  <th scope="col" className="px-3 py-2 text-left">
                    Pinned
                  </th>
                  <th scope="col" className="px-3 py-2 text-left">
                    Catalogue
                  </th>
                  <th scope="col" className="px-3 py-2 text-left">
                    Status
                  </th>
                  <th scope="col" className="px-3 py-2 text-left">
                    File
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {modules.map((m) => (
                  <tr key={`${m.file}/${m.name}`}>
                    <th scope="row" className="px-3 py-2 text-left font-mono font-normal">
                      {m.name}
                    </th>
                    <td className="px-3 py-2">{m.module}</td>
                    <td className="px-3 py-2 font-mono">{m.ref ?? "—"}</td>
                    <td className="px-3 py-2 font-mono">{m.currentVersion ?? "—"}</td>
                    <td className="px-3 py-2">
                      {m.disabled ? (
                        <span className="rounded bg-slate-100 px-1.5 text-slate-900">Disabled (count = 0)</span>
                      ) : (
                        <span className={`rounded px-1.5 ${STATUS_TEXT[m.status].className}`}>{STATUS_TEXT[m.status].text}</span>
                      )}
                    </td>
                    <td className="px-3 py-2">
                      <a href={fileLink(getServices().env, ns, m.file, commit)} className="font-mono text-blue-800 underline">
                        {m.file}
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="files" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="files" className="mb-2 font-semibold">
          Files
        </h2>
        <p className="mb-2 text-sm text-slate-700">
          <code className="font-mono">{ns.path}</code> at commit <code className="font-mono">{commit.slice(0, 12)}</code>
        </p>
        <ul className="columns-1 space-y-1 text-sm sm:columns-2">
          {ns.files.map((file) => (
            <li key={file}>
              <a href={fileLink(getServices().env, ns, file, commit)} className="inline-flex min-h-6 items-center font-mono text-blue-800 underline">
                {file}
              </a>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
