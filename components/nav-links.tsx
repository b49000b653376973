"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { reviewCountQuery } from "./review-count-query";

const LINKS = [
  { href: "/", label: "Overview" },
  { href: "/namespaces", label: "Namespaces" },
  { href: "/drift", label: "Drift" },
  { href: "/requests", label: "Requests" },
];

/** The main navigation; reviewers also get the review queue with its count, kept current without a reload, and the campaigns. */
export function NavLinks({ reviewCount }: { reviewCount: number | null }) {
  const pathname = usePathname();
  const { data: count } = useQuery({ ...reviewCountQuery(), initialData: reviewCount ?? 0, enabled: reviewCount !== null });
  const links = reviewCount === null ? LINKS : [...LINKS, { href: "/reviews", label: `Reviews (${count})` }, { href: "/campaigns", label: "Campaigns" }];
  return (
    <nav aria-label="Main">
      <ul className="flex flex-wrap gap-4">
        {links.map((link) => {
          const active = link.href === "/" ? pathname === "/" : pathname.startsWith(link.href);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={active ? "page" : undefined}
                className={`rounded px-2 py-1 text-sm text-slate-100 hover:bg-slate-700 ${active ? "bg-slate-700 font-semibold" : ""}`}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
