import type { Metadata } from "next";
import Link from "next/link";
import { StateBadge } from "@/components/requests/state-badge";
import { REVIEW_FLAGS, type ReviewFlag } from "@/lib/server/requests/list-review-queue";
import { reviewQueue } from "@/lib/server/requests/request-service";
import { getProfile } from "@/lib/server/wiring";
import { orNotFound } from "@/app/_lib/or-not-found";
import { pageViewer } from "@/app/_lib/page-viewer";

export const metadata: Metadata = { title: "Reviews" };

const FLAG_TEXT: Record<ReviewFlag, string> = {
  production: "Production namespace",
  iam: "IAM or IRSA change",
  yamlOutsideResources: "YAML outside resources/",
  skipApply: "Skip-apply marker",
  uncataloguedVersion: "Module version not in the catalogue",
  publicBucket: "Public S3 bucket",
};

function age(from: Date, now: number): string {
  const hours = Math.floor((now - from.getTime()) / 3_600_000);
  return hours < 1 ? "under an hour" : hours < 48 ? `${hours} h` : `${Math.floor(hours / 24)} days`;
}

export default async function ReviewsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await pageViewer();
  const { filters, items } = await orNotFound(reviewQueue(viewer, await searchParams));
  const teams = [...new Set(items.map((i) => i.team))].sort();
  const now = Date.now();
  const select = (name: string, label: string, value: string | undefined, options: { value: string; label: string }[]) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`q-${name}`} className="text-sm font-medium">
        {label}
      </label>
      <select id={`q-${name}`} name={name} defaultValue={value ?? ""} className="rounded border border-slate-500 bg-white px-2 py-1.5 text-sm">
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Reviews</h1>
      <form method="get" action="/reviews" aria-label="Filter the review queue" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        {select("team", "Team", filters.team, teams.map((t) => ({ value: t, label: t })))}
        {select("businessUnit", "Business unit", filters.businessUnit, getProfile().businessUnits.map((b) => ({ value: b, label: b })))}
        {select("flag", "Flag", filters.flag, REVIEW_FLAGS.map((f) => ({ value: f, label: FLAG_TEXT[f] })))}
        <button type="submit" className="rounded bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800">
          Apply filters
        </button>
        <Link href="/reviews" className="px-2 py-2 text-sm text-blue-800 underline">
          Clear filters
        </Link>
      </form>
      <p role="status" className="text-sm">
        {items.length} open request{items.length === 1 ? "" : "s"}, oldest first
      </p>
      {items.length > 0 && (
        <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Open requests waiting for platform review, oldest first</caption>
            <thead className="bg-slate-100">
              <tr>
                {["Request", "Requested by", "Team", "Age", "State", "Review", "Flags"].map((h) => (
                  <th key={h} scope="col" className="px-3 py-2 text-left font-semibold">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {items.map((item) => (
                <tr key={item.id}>
                  <th scope="row" className="px-3 py-2 text-left font-medium">
                    <Link href={`/requests/${item.id}`} className="text-blue-800 underline">
                      {item.kind === "namespace" ? `New namespace ${item.namespace}` : `Resources for ${item.namespace}`}
                    </Link>
                    <span className="block text-xs font-normal text-slate-700">
                      {item.cluster}
                      {item.businessUnit ? ` · ${item.businessUnit}` : ""}
                    </span>
                  </th>
                  <td className="px-3 py-2">{item.requester}</td>
                  <td className="px-3 py-2">{item.team}</td>
                  <td className="whitespace-nowrap px-3 py-2">{age(item.createdAt, now)}</td>
                  <td className="px-3 py-2">
                    <StateBadge state={item.state} />
                  </td>
                  <td className="px-3 py-2">
                    {item.review ? (
                      <>
                        <span className={`rounded px-1.5 font-semibold ${item.review.autoApprovable ? "bg-emerald-100 text-emerald-900" : "bg-amber-100 text-amber-900"}`}>
                          {item.review.autoApprovable ? "Auto-approvable" : "Needs a platform review"}
                        </span>
                        <span className="block text-xs text-slate-700">{item.review.reason}</span>
                      </>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td className="px-3 py-2">
                    <ul className="flex flex-wrap gap-1">
                      {item.production && <li className="rounded bg-rose-100 px-1.5 text-rose-900">{FLAG_TEXT.production}</li>}
                      {REVIEW_FLAGS.filter((f) => f !== "production" && item.review?.flags[f]).map((f) => (
                        <li key={f} className="rounded bg-amber-100 px-1.5 text-amber-900">
                          {FLAG_TEXT[f]}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
