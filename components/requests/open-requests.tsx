import Link from "next/link";
import { requestKindText } from "./request-kind";
import { StateBadge } from "./state-badge";

/** A namespace's requests under way, on its page; nothing when there are none. */
export function OpenRequests({ requests }: { requests: { id: string; kind: string; state: string; requester: string; updatedAt: Date }[] }) {
  if (requests.length === 0) return null;
  return (
    <section aria-labelledby="open-requests" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="open-requests" className="mb-2 font-semibold">
        Open requests
      </h2>
      <ul className="space-y-1 text-sm">
        {requests.map((r) => (
          <li key={r.id} className="flex flex-wrap items-center gap-x-3">
            <Link href={`/requests/${r.id}`} className="text-blue-800 underline">
              {requestKindText(r.kind)}, request {r.id}
            </Link>
            <StateBadge state={r.state} />
            <span>by {r.requester}</span>
            <span className="tabular-nums text-slate-700">updated {r.updatedAt.toISOString().slice(0, 16).replace("T", " ")}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
