import type { Metadata } from "next";
import { NamespaceRequestForm } from "@/components/requests/namespace-request-form";
import { defaultReviewAfter } from "@/lib/environments/requests/namespace-request";
import { pageViewer } from "@/app/_lib/page-viewer";
import { getServices } from "@/lib/server/services";
import { prototypeFormOptions } from "@/lib/server/requests/prototype-form-options";

export const metadata: Metadata = { title: "Request a namespace" };

export default async function NewRequestPage() {
  const viewer = await pageViewer();
  const services = getServices();
  const { profile, clock } = services;
  return (
    <div className="max-w-4xl space-y-4 xl:max-w-7xl">
      <h1 className="text-2xl font-semibold">Request a namespace</h1>
      <p className="text-sm">
        Berth writes the namespace&apos;s files exactly as the environments repository expects and opens one pull request for platform reviewers. You can follow
        it on the request&apos;s page.
      </p>
      <NamespaceRequestForm
        options={{
          clusters: profile.clusters.map((c) => c.name),
          environments: profile.environments,
          businessUnits: profile.businessUnits,
          teams: viewer.teams,
          reviewAfter: defaultReviewAfter(clock.now(), profile),
          reviewAfterEnvironments: profile.defaults.reviewAfterEnvironments ?? null,
          prototype: prototypeFormOptions(services.profile, services.env),
        }}
      />
    </div>
  );
}
