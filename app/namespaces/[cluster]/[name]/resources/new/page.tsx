import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { ResourceRequestForm } from "@/components/requests/resource-request-form";
import { getNamespace } from "@/lib/server/get-namespace";
import { orNotFound } from "@/app/_lib/or-not-found";
import { pageViewer } from "@/app/_lib/page-viewer";
import { getServices } from "@/lib/server/services";
import { pathSegment } from "@/app/_lib/path-segment";
import { latestVersion } from "@/lib/environments/profile/module-version";
import { hasIrsaPolicy, irsaPolicyKinds } from "@/lib/environments/requests/irsa-policy-sources";

export const metadata: Metadata = { title: "Request AWS resources" };

export default async function NewResourcesPage({ params }: { params: Promise<{ cluster: string; name: string }> }) {
  const { cluster, name } = await params;
  const viewer = await pageViewer();
  const { profile } = getServices();
  const { namespace, owner } = await orNotFound(getNamespace(getServices(), viewer, pathSegment(cluster), pathSegment(name)));
  if (!owner) forbidden();
  return (
    <div className="max-w-4xl space-y-4 xl:max-w-7xl">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/namespaces/${encodeURIComponent(namespace.cluster)}/${encodeURIComponent(namespace.name)}`} className="text-blue-800 underline">
          {namespace.name}
        </Link>{" "}
        / <span aria-current="page">Request AWS resources</span>
      </nav>
      <h1 className="text-2xl font-semibold">Request AWS resources for {namespace.name}</h1>
      <p className="text-sm">
        Each resource becomes a file in the namespace&apos;s resources/ folder, pinned to the catalogue&apos;s current module version. Everything goes into one
        pull request.
      </p>
      <ResourceRequestForm
        endpoint={`/api/namespaces/${encodeURIComponent(namespace.cluster)}/${encodeURIComponent(namespace.name)}/resources`}
        modules={namespace.modules
          .filter((m) => !m.disabled)
          .map((m) => ({
            name: m.name,
            module: m.module,
            ref: m.ref,
            latest: latestVersion(profile, m.module) ?? null,
            policy: hasIrsaPolicy(profile, m.module),
          }))}
        irsaKinds={irsaPolicyKinds(profile)}
      />
    </div>
  );
}
