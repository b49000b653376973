import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold">You do not have access to this page</h1>
      <p>What you may see and do in Berth follows your GitHub teams. If your teams changed recently, refresh them on your access page.</p>
      <Link href="/me" className="text-blue-800 underline">
        Your access
      </Link>
    </div>
  );
}
