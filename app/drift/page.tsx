import type { Metadata } from "next";
import { DriftView } from "@/components/clusters/drift-view";
import { getDriftJson } from "@/lib/server/get-drift";
import { pageViewer } from "@/app/_lib/page-viewer";
import { getServices } from "@/lib/server/services";

export const metadata: Metadata = { title: "Drift" };
export const dynamic = "force-dynamic";

export default async function DriftPage() {
  const drift = await getDriftJson(getServices(), await pageViewer());
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Drift between the repository and the clusters</h1>
      <DriftView initial={drift} />
    </div>
  );
}
