import type { CheckResult } from "@/lib/environments/checks/change";
import type { ReviewForecast } from "@/lib/environments/checks/review-forecast";
import { CheckResults } from "./check-results";
import { diffLines } from "./diff-lines";
import { ReviewForecastView } from "./review-forecast-view";

export interface ResourcePreviewData {
  fields: Record<string, string>;
  checks: CheckResult[];
  files: { path: string; content: string; previous: string | null }[];
  review: ReviewForecast | null;
}

/** The resource form's live preview: the review forecast, the repository's checks and the files, beside the form on wide screens. */
export function ResourcePreview({ preview }: { preview: ResourcePreviewData | null }) {
  return (
    <div
      className="space-y-6 xl:sticky xl:top-4 xl:col-start-2 xl:row-span-2 xl:row-start-1 xl:max-h-[calc(100vh-2rem)] xl:overflow-y-auto"
      data-testid="request-preview"
    >
      {preview ? (
        <>
          <section aria-labelledby="review-forecast" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <h2 id="review-forecast" className="mb-2 font-semibold">
              Review forecast
            </h2>
            {preview.review ? (
              <ReviewForecastView forecast={preview.review} />
            ) : (
              <p className="text-sm">Complete the fields to see how this request will be reviewed.</p>
            )}
            <div className="mt-2">
              <CheckResults results={preview.checks} />
            </div>
          </section>
          <section aria-labelledby="changed-files" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <h2 id="changed-files" className="mb-2 font-semibold">
              Files the pull request changes
            </h2>
            <ul className="space-y-2">
              {preview.files.map((f) => (
                <li key={f.path}>
                  <details>
                    <summary className="cursor-pointer font-mono text-sm text-blue-800 underline">
                      {f.path} {f.previous === null ? "(new)" : "(changed)"}
                    </summary>
                    <pre tabIndex={0} aria-label={`Changes to ${f.path}`} className="mt-1 overflow-x-auto rounded bg-slate-50 p-2 font-mono text-xs">
                      {diffLines(f.previous, f.content)}
                    </pre>
                  </details>
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm">
          Add a resource to see the files and how the request will be reviewed.
        </p>
      )}
    </div>
  );
}
