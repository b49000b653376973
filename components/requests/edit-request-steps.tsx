import Link from "next/link";

interface Props {
  id: string;
  cluster: string;
  namespace: string;
  state: string;
  operation: string;
  followUp: { operation: string; reason: string } | null;
  after: string | null;
  next: string | null;
  flags: string[];
}

/** An edit request's place in a tracked sequence (the step before, the step after) and what reviewers must be told. */
export function EditRequestSteps({ id, cluster, namespace, state, followUp, after, next, flags }: Props) {
  const form = followUp
    ? `/namespaces/${encodeURIComponent(cluster)}/${encodeURIComponent(namespace)}/edit/${followUp.operation}?after=${encodeURIComponent(id)}`
    : null;
  return (
    <>
      {flags.length > 0 && (
        <div role="note" data-testid="edit-flags" className="rounded border-2 border-orange-500 bg-orange-50 p-3 text-sm text-orange-950">
          <p className="font-semibold">For reviewers</p>
          <ul className="list-disc pl-5">
            {flags.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        </div>
      )}
      {(after || followUp) && (
        <section aria-labelledby="steps" className="rounded-lg border border-sky-300 bg-sky-50 p-4 text-sm">
          <h2 id="steps" className="mb-1 font-semibold">
            Steps
          </h2>
          {after && (
            <p>
              This is the next step of{" "}
              <Link href={`/requests/${after}`} className="text-blue-800 underline">
                request {after}
              </Link>
              .
            </p>
          )}
          {followUp && next && (
            <p>
              The next step ({followUp.reason}) is{" "}
              <Link href={`/requests/${next}`} className="text-blue-800 underline">
                request {next}
              </Link>
              .
            </p>
          )}
          {followUp && !next && state !== "applied" && <p>Once this is applied, Berth proposes the next step: {followUp.reason}.</p>}
          {followUp && !next && state === "applied" && form && (
            <p className="flex flex-wrap items-center gap-3">
              <span>This step is applied. Next: {followUp.reason}.</span>
              <Link href={form} className="inline-block rounded bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800">
                Propose the next step
              </Link>
            </p>
          )}
        </section>
      )}
    </>
  );
}
