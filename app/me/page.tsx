import type { Metadata } from "next";
import Link from "next/link";
import { RefreshTeamsButton } from "@/components/auth/refresh-teams-button";
import { inventoryQueryString } from "@/lib/environments/query-inventory";
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
        {viewer.teams.length === 0 ? (
          <p className="text-sm">You are in no team of the organisation.</p>
        ) : (
          <ul className="flex flex-wrap gap-2 text-sm">
            {viewer.teams.map((team) => (
              <li key={team}>
                <Link href={`/namespaces${inventoryQueryString({ team })}`} className="inline-block rounded-full border border-slate-300 px-3 py-0.5 text-blue-800 underline">
                  {team}
                </Link>
              </li>
            ))}
          </ul>
        )}
        {viewer.kind === "github" && <RefreshTeamsButton />}
      </section>
    </div>
  );
}
