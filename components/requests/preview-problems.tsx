import { FieldErrors } from "./request-api";

/** Above a live preview: errors that name no field on the form, and a preview that failed for another reason. */
export function PreviewProblems({ general, error }: { general: [string, string][]; error: Error | null }) {
  return (
    <>
      {general.length > 0 && (
        <div role="alert" className="rounded border border-rose-400 bg-rose-50 p-3 text-sm text-rose-900">
          <ul className="list-disc pl-6">
            {general.map(([key, message]) => (
              <li key={key}>{message}</li>
            ))}
          </ul>
        </div>
      )}
      {error && !(error instanceof FieldErrors) && (
        <p role="alert" className="text-sm text-rose-800">
          {error.message}
        </p>
      )}
    </>
  );
}
