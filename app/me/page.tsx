import type { Metadata } from "next";
import { TeamLinks } from "@/components/inventory/team-links";
import { RefreshTeamsButton } from "@/components/auth/refresh-teams-button";
import { pageViewer } from "@/app/_lib/page-viewer";

export const metadata: Metadata = { title: "Your access" };

export default async function MePage() {
  const viewer = await pageViewer();
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-semibold">Your access</h1>
      <section aria-labelledby="who" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="who" className="font-semibold">
          {viewer.name} <span className="font-normal text-slate-700">({viewer.login})</span>
        </h2>
        <p className="text-sm">
          {viewer.reviewer
            ? "You are a platform reviewer: you see every namespace in full and can work through the review queue."
            : "You can browse the inventory, and see in full and request changes to the namespaces your teams own."}
          {viewer.kind === "local" && " You signed in as a sample user (demo)."}
        </p>
      </section>
      <section aria-labelledby="teams" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="teams" className="font-semibold">
          Your GitHub teams
        </h2>
        <TeamLinks teams={viewer.teams} empty="You are in no team of the organisation." />
        {viewer.kind === "github" && <RefreshTeamsButton />}
      </section>
    </div>
  );
}
