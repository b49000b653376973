import type { Metadata } from "next";
import Link from "next/link";
import { FLAG_LABELS, FlagChips, ReviewForecastView } from "@/components/requests/review-forecast-view";
import { StateBadge } from "@/components/requests/state-badge";
import { DataTable } from "@/components/ui/data-table";
import { FilterSelect } from "@/components/ui/filter-select";
import { groupByCampaign } from "@/components/campaigns/group-by-campaign";
import { REVIEW_FLAGS, type QueueItem, type ReviewFlag } from "@/lib/server/requests/list-review-queue";
import { reviewQueue } from "@/lib/server/requests/request-service";
import { orNotFound } from "@/app/_lib/or-not-found";
import { pageViewer } from "@/app/_lib/page-viewer";
import { getServices } from "@/lib/server/services";

export const metadata: Metadata = { title: "Reviews" };

const FLAG_TEXT: Record<ReviewFlag, string> = FLAG_LABELS;
const NO_FLAGS = Object.fromEntries(REVIEW_FLAGS.map((f) => [f, false])) as Record<ReviewFlag, boolean>;

function age(hours: number): string {
  return hours < 1 ? "under an hour" : hours < 48 ? `${hours} h` : `${Math.floor(hours / 24)} days`;
}

/** Open requests in a table, as the queue lists them. */
function QueueTable({ caption, items }: { caption: string; items: QueueItem[] }) {
  return (
    <DataTable caption={caption} columns={["Request", "Requested by", "Team", "Age", "State", "Review forecast"]}>
      {items.map((item) => (
        <tr key={item.id}>
          <th scope="row" className="px-3 py-2 text-left font-medium">
            <Link href={`/requests/${item.id}`} className="text-blue-800 underline">
              {item.kind === "namespace"
                ? `New namespace ${item.namespace}`
                : item.kind === "edit"
                  ? `Change to ${item.namespace}`
                  : `Resources for ${item.namespace}`}
            </Link>
            <span className="block text-xs font-normal text-slate-700">
              {item.cluster}
              {item.businessUnit ? ` · ${item.businessUnit}` : ""}
            </span>
          </th>
          <td className="px-3 py-2">{item.requester}</td>
          <td className="px-3 py-2">{item.team}</td>
          <td className="whitespace-nowrap px-3 py-2">{age(item.ageHours)}</td>
          <td className="px-3 py-2">
            <StateBadge state={item.state} />
          </td>
          <td className="min-w-80 px-3 py-2">
            {item.review ? (
              <ReviewForecastView forecast={item.review} production={item.production} />
            ) : (
              <>
                {item.production && <FlagChips flags={{ ...NO_FLAGS, production: true }} />}
                <span className="text-sm">No forecast recorded</span>
              </>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

export default async function ReviewsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await pageViewer();
  const { filters, items } = await orNotFound(reviewQueue(getServices(), viewer, await searchParams));
  const teams = [...new Set(items.map((i) => i.team))].sort();
  const { campaigns, alone } = groupByCampaign(items, (item) => item.campaign);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Reviews</h1>
      <form
        method="get"
        action="/reviews"
        aria-label="Filter the review queue"
        className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      >
        <FilterSelect name="team" label="Team" value={filters.team} options={teams.map((t) => ({ value: t, label: t }))} />
        <FilterSelect
          name="businessUnit"
          label="Business unit"
          value={filters.businessUnit}
          options={getServices().profile.businessUnits.map((b) => ({ value: b, label: b }))}
        />
        <FilterSelect name="flag" label="Flag" value={filters.flag} options={REVIEW_FLAGS.map((f) => ({ value: f, label: FLAG_TEXT[f] }))} />
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
      {campaigns.map(({ campaign, items: group }) => (
        <section key={campaign.id} aria-labelledby={`campaign-${campaign.id}`} className="space-y-2">
          <h2 id={`campaign-${campaign.id}`} className="text-lg font-semibold">
            Campaign{" "}
            <Link href={`/campaigns/${campaign.id}`} className="text-blue-800 underline">
              {campaign.title}
            </Link>
            <span className="ml-2 text-sm font-normal">
              {group.length} open request{group.length === 1 ? "" : "s"}
            </span>
          </h2>
          <QueueTable caption={`Open requests of campaign ${campaign.title}, oldest first`} items={group} />
        </section>
      ))}
      {alone.length > 0 && (
        <section aria-labelledby={campaigns.length > 0 ? "other-requests" : undefined} className="space-y-2">
          {campaigns.length > 0 && (
            <h2 id="other-requests" className="text-lg font-semibold">
              Other requests
            </h2>
          )}
          <QueueTable caption="Open requests waiting for platform review, oldest first" items={alone} />
        </section>
      )}
    </div>
  );
}
