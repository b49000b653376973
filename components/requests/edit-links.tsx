import Link from "next/link";
import { EDIT_TITLES } from "./edit-form-fields";

const LABELS: Record<keyof typeof EDIT_TITLES, string> = {
  metadata: "Details",
  access: "Admin teams",
  resource: "Resource settings",
  remove: "Remove resources",
  decommission: "Decommission",
  "bump-module": "Module version",
  "default-tags": "Default tags",
};

/** The namespace page's "Change" actions: one form per edit (owners and reviewers). */
export function EditLinks({ cluster, name }: { cluster: string; name: string }) {
  const base = `/namespaces/${encodeURIComponent(cluster)}/${encodeURIComponent(name)}/edit`;
  return (
    <nav aria-label="Change this namespace" className="flex flex-wrap items-center gap-3 text-sm">
      <span className="font-medium">Change:</span>
      {(Object.keys(LABELS) as (keyof typeof LABELS)[]).map((op) => (
        <Link key={op} href={`${base}/${op}`} className="text-blue-800 underline">
          {LABELS[op]}
        </Link>
      ))}
    </nav>
  );
}
