import Link from "next/link";
import { inventoryQueryString } from "@/lib/environments/inventory/query-inventory";

/** GitHub teams as links to the namespaces each owns; `empty` says what no team means here. */
export function TeamLinks({ teams, empty }: { teams: string[]; empty: string }) {
  if (teams.length === 0) return <p className="text-sm">{empty}</p>;
  return (
    <ul className="flex flex-wrap gap-2 text-sm">
      {teams.map((team) => (
        <li key={team}>
          <Link
            href={`/namespaces${inventoryQueryString({ team })}`}
            className="inline-block rounded-full border border-slate-300 px-3 py-0.5 text-blue-800 underline"
          >
            {team}
          </Link>
        </li>
      ))}
    </ul>
  );
}
