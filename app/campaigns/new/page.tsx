import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import Link from "next/link";
import { CampaignForm } from "@/components/campaigns/campaign-form";
import { canManageCampaigns } from "@/lib/auth/policy";
import { latestVersions } from "@/lib/environments/profile/module-version";
import { parseInventoryQuery } from "@/lib/environments/inventory/query-inventory";
import { listNamespaces } from "@/lib/server/list-namespaces";
import { pageViewer } from "@/app/_lib/page-viewer";
import { getServices } from "@/lib/server/services";

export const metadata: Metadata = { title: "Start a campaign" };

export default async function NewCampaignPage() {
  const viewer = await pageViewer();
  // Note: only platform reviewers start campaigns; the API refuses anyone else as well.
  if (!canManageCampaigns(viewer)) forbidden();
  const services = getServices();
  const { facets } = await listNamespaces(services, viewer, parseInventoryQuery({ pageSize: "1" }));
  const modules = Object.entries(latestVersions(services.profile))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, latest]) => ({ name, latest }));
  return (
    <div className="max-w-5xl space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/campaigns" className="text-blue-800 underline">
          Campaigns
        </Link>{" "}
        / <span aria-current="page">Start a campaign</span>
      </nav>
      <h1 className="text-2xl font-semibold">Start a campaign</h1>
      <p className="text-sm">
        One change with the same answers in every namespace the filters select: one pull request per namespace, each reviewed by the namespace&apos;s teams.
        Nothing is written until you start it, and each namespace is checked again against main when its turn comes.
      </p>
      <CampaignForm
        options={{
          modules,
          clusters: facets.clusters,
          businessUnits: facets.businessUnits,
          environments: facets.environments,
          teams: facets.teams,
          maxPrsPerMinute: services.env.BERTH_CAMPAIGN_MAX_PRS_PER_MINUTE,
        }}
      />
    </div>
  );
}
