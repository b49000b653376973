import Link from "next/link";
import { inventoryQueryString, type InventoryQuery } from "@/lib/environments/inventory/query-inventory";

export function Pagination({ query, page, pages }: { query: InventoryQuery; page: number; pages: number }) {
  if (pages <= 1) return null;
  const href = (p: number) => `/namespaces${inventoryQueryString(query, { page: p })}`;
  return (
    <nav aria-label="Pages" className="flex items-center justify-between text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev" className="text-blue-800 underline">
          Previous page
        </Link>
      ) : (
        <span />
      )}
      <span>
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <Link href={href(page + 1)} rel="next" className="text-blue-800 underline">
          Next page
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
