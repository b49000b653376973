"use client";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p>Berth could not show this page. The details are in the server log{error.digest ? ` under reference ${error.digest}` : ""}.</p>
      <button type="button" onClick={reset} className="rounded bg-blue-700 px-4 py-2 text-sm font-semibold text-white">
        Try again
      </button>
    </div>
  );
}
