import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NamespaceRequestForm, type NamespaceAnswers as Answers } from "@/components/requests/namespace-request-form";
import { ResourceRequestForm, type ResourceEntry } from "@/components/requests/resource-request-form";
import { defaultReviewAfter } from "@/lib/environments/requests/namespace-request";
import { requestFor } from "@/lib/server/requests/request-service";
import { orNotFound } from "@/app/_lib/or-not-found";
import { pageViewer } from "@/app/_lib/page-viewer";
import { getServices } from "@/lib/server/services";
import { prototypeFormOptions } from "@/lib/server/requests/prototype-form-options";
import { latestVersion } from "@/lib/environments/profile/module-version";
import { hasIrsaPolicy, irsaPolicyKinds } from "@/lib/environments/requests/irsa-policy-sources";

export const metadata: Metadata = { title: "Revise a request" };

/** The request's own form, filled in with its answers; submitting adds a commit to the same pull request. */
export default async function ReviseRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await pageViewer();
  const services = getServices();
  const { request: r, actions } = await orNotFound(requestFor(services, viewer, (await params).id));
  if (!actions.includes("revise") || (r.kind !== "namespace" && r.kind !== "resources")) notFound();
  const { profile, clock } = services;
  const namespaceUrl = `/api/namespaces/${encodeURIComponent(r.cluster)}/${encodeURIComponent(r.namespace)}/resources`;
  const modules =
    r.kind === "resources"
      ? ((await services.inventory.snapshot()).find(r.cluster, r.namespace)?.modules ?? [])
          .filter((m) => !m.disabled)
          .map((m) => ({
            name: m.name,
            module: m.module,
            ref: m.ref,
            latest: latestVersion(profile, m.module) ?? null,
            policy: hasIrsaPolicy(profile, m.module),
          }))
      : [];
  return (
    <div className="max-w-4xl space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/requests" className="text-blue-800 underline">
          Requests
        </Link>{" "}
        /{" "}
        <Link href={`/requests/${r.id}`} className="text-blue-800 underline">
          {r.namespace}
        </Link>{" "}
        / <span aria-current="page">Revise</span>
      </nav>
      <h1 className="text-2xl font-semibold">Revise the request for {r.namespace}</h1>
      <p className="text-sm">
        Change the answers; Berth checks them again and adds the new files as one more commit to the same{" "}
        {r.prUrl ? "pull request" : "branch, reviewed in Berth"}. Reviewers then review the request again.
      </p>
      {r.kind === "namespace" ? (
        <NamespaceRequestForm
          options={{
            clusters: profile.clusters.map((c) => c.name),
            environments: profile.environments,
            businessUnits: profile.businessUnits,
            teams: [...new Set([...viewer.teams, String(r.answers.team)])],
            reviewAfter: defaultReviewAfter(clock.now(), profile),
            reviewAfterEnvironments: profile.defaults.reviewAfterEnvironments ?? null,
            prototype: prototypeFormOptions(services.profile, services.env),
          }}
          revise={{ id: r.id, answers: r.answers as unknown as Answers }}
        />
      ) : (
        <ResourceRequestForm
          endpoint={namespaceUrl}
          modules={modules}
          irsaKinds={irsaPolicyKinds(profile)}
          revise={{ id: r.id, url: `/api/requests/${r.id}/revise`, entries: (r.answers.resources ?? []) as ResourceEntry[] }}
        />
      )}
    </div>
  );
}
