import type { Preview } from "./request-api";
import { CheckResults } from "./check-results";
import { ReviewForecastView } from "./review-forecast-view";

/** The namespace form's live preview: the repository's checks with the review forecast, and the files; beside the form on wide screens. */
export function NamespacePreview({ preview }: { preview: Preview | null }) {
  return (
    <div
      className="space-y-6 xl:sticky xl:top-4 xl:col-start-2 xl:row-span-2 xl:row-start-1 xl:max-h-[calc(100vh-2rem)] xl:overflow-y-auto"
      data-testid="request-preview"
    >
      <section aria-labelledby="policy" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="policy" className="mb-2 font-semibold">
          The repository&apos;s checks
        </h2>
        {!preview || preview.checks.length === 0 ? (
          <p className="text-sm">Fill in the form to see the results of the repository&apos;s checks and how the pull request will be reviewed.</p>
        ) : (
          <>
            {preview.review && <ReviewForecastView forecast={preview.review} />}
            <div className="mt-2">
              <CheckResults results={preview.checks} />
            </div>
          </>
        )}
      </section>

      <section aria-labelledby="files" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="files" className="mb-2 font-semibold">
          Files the pull request adds
        </h2>
        {!preview || preview.files.length === 0 ? (
          <p className="text-sm">The files appear here once the answers are valid.</p>
        ) : (
          <ul className="space-y-2">
            {preview.files.map((f) => (
              <li key={f.path}>
                <details>
                  <summary className="cursor-pointer font-mono text-sm text-blue-800 underline">{f.path}</summary>
                  <pre tabIndex={0} aria-label={`New file ${f.path}`} className="mt-1 overflow-x-auto rounded bg-emerald-50 p-2 font-mono text-xs">
                    {f.content
                      .trimEnd()
                      .split("\n")
                      .map((line) => `+ ${line}`)
                      .join("\n")}
                  </pre>
                </details>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
