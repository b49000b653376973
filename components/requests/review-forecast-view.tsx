import type { ReviewFlagKey, ReviewForecast } from "@/lib/environments/checks/review-forecast";

/** What each reviewer flag means, as a chip and as the review queue's filter. */
export const FLAG_LABELS: Record<ReviewFlagKey, string> = {
  production: "Production",
  iam: "IAM change",
  yamlOutsideResources: "Manifests change",
  skipApply: "Skip-apply",
  uncataloguedVersion: "Module not at latest release",
  publicBucket: "Public bucket",
  majorBump: "Major version bump",
  clusterStateUnknown: "Cluster state unknown at submit",
};

export function FlagChips({ flags }: { flags: ReviewForecast["flags"] }) {
  const set = (Object.keys(FLAG_LABELS) as ReviewFlagKey[]).filter((k) => flags[k]);
  if (set.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Review flags">
      {set.map((k) => (
        <li key={k} className="rounded bg-amber-100 px-1.5 text-xs font-semibold text-amber-900">
          {FLAG_LABELS[k]}
        </li>
      ))}
    </ul>
  );
}

/**
 * The review forecast: who must approve, the flags as chips, which checks will
 * fail and what reviewers will look at, one line per reason. The same view in
 * the forms' preview, the review queue and the request page a reviewer
 * approves from. `production` marks a namespace Berth knows is production
 * even when the stored forecast did not flag it.
 */
export function ReviewForecastView({ forecast, production = false }: { forecast: ReviewForecast; production?: boolean }) {
  return (
    <div className="space-y-2 text-sm" data-testid="review-forecast">
      <p>
        <strong>{forecast.summary}</strong>
      </p>
      <FlagChips flags={production ? { ...forecast.flags, production: true } : forecast.flags} />
      {forecast.failing.length > 0 && (
        <div>
          <p className="font-medium">Checks that will fail</p>
          <ul className="list-disc pl-5">
            {forecast.failing.map((f, i) => (
              <li key={i}>
                <span className="font-medium">{f.id}</span>: {f.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {forecast.reasons.length > 0 && (
        <div>
          <p className="font-medium">What reviewers will look at</p>
          <ul className="list-disc pl-5">
            {forecast.reasons.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
