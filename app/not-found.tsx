import Link from "next/link";

export default function NotFound() {
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p>There is nothing here. It may have been removed from the environments repository.</p>
      <Link href="/namespaces" className="text-blue-800 underline">
        Browse all namespaces
      </Link>
    </div>
  );
}
