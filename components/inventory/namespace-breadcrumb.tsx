import Link from "next/link";
import type { ReactNode } from "react";

/** "Namespaces / cluster / name / …" above a page of one namespace; `children` is the rest of the trail. */
export function NamespaceBreadcrumb({ cluster, name, children }: { cluster: string; name: string; children: ReactNode }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm">
      <Link href="/namespaces" className="text-blue-800 underline">
        Namespaces
      </Link>{" "}
      / {cluster} /{" "}
      <Link href={`/namespaces/${encodeURIComponent(cluster)}/${encodeURIComponent(name)}`} className="text-blue-800 underline">
        {name}
      </Link>{" "}
      / {children}
    </nav>
  );
}
