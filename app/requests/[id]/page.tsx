import type { Metadata } from "next";
import Link from "next/link";
import { diffLines } from "@/components/requests/diff-lines";
import { RevisionDiff } from "@/components/requests/revision-diff";
import { CheckResults } from "@/components/requests/check-results";
import { ReviewForecastView } from "@/components/requests/review-forecast-view";
import { RequestActions } from "@/components/requests/request-actions";
import { RefreshPullRequest } from "@/components/requests/refresh-pull-request";
import { snapshotAge } from "@/components/requests/snapshot-age";
import { ApplyPipelineNote, LiveRequestState } from "@/components/requests/live-request-state";
import { renderedKey } from "@/components/requests/request-state-query";
import { stateText } from "@/components/requests/state-badge";
import { requestFor } from "@/lib/server/requests/request-service";
import { orNotFound } from "@/app/_lib/or-not-found";
import { pageViewer } from "@/app/_lib/page-viewer";
import { getServices } from "@/lib/server/services";
import { EditRequestSteps } from "@/components/requests/edit-request-steps";
import { EDIT_TITLES } from "@/components/requests/edit-form-fields";
import { storedEditAnswersSchema } from "@/lib/server/requests/edit-request-answers";
import { snapshotVersion } from "@/lib/server/requests/pr-snapshot";
import { PrototypeSiteSection } from "@/components/requests/prototype-site-section";

export const metadata: Metadata = { title: "Request" };

const time = (d: Date) => d.toISOString().slice(0, 19).replace("T", " ") + " UTC";

export default async function RequestPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await pageViewer();
  const now = getServices().clock.now();
  const {
    request: r,
    pullRequest,
    actions,
    checks,
    shownHead,
    changedOutside,
    prototype,
  } = await orNotFound(requestFor(getServices(), viewer, (await params).id));
  const edit = r.kind === "edit" ? storedEditAnswersSchema.parse(r.answers) : null;
  const state = {
    id: r.id,
    kind: r.kind,
    state: r.state,
    cluster: r.cluster,
    namespace: r.namespace,
    events: r.events.length,
    pullRequest: snapshotVersion(pullRequest),
  };
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/requests" className="text-blue-800 underline">
          Requests
        </Link>{" "}
        / <span aria-current="page">{r.namespace}</span>
      </nav>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">
          {edit ? `${EDIT_TITLES[edit.operation]} ${r.namespace}` : prototype ? `Prototype site ${r.namespace}` : `Namespace ${r.namespace}`}
        </h1>
        <LiveRequestState key={renderedKey(state)} initial={state} />
      </div>
      <p className="text-sm">
        Requested by {r.requester} for team {r.team} on {r.cluster}, {time(r.createdAt)}.{" "}
        {r.prUrl ? (
          <a href={r.prUrl} className="text-blue-800 underline">
            Pull request #{r.prNumber}
          </a>
        ) : (
          <>
            Branch <code className="font-mono">{r.branch}</code>, reviewed in Berth.
          </>
        )}
      </p>
      {r.state === "failed" && r.failure && (
        <p role="alert" className="rounded border border-rose-400 bg-rose-50 p-3 text-sm text-rose-900">
          The pull request could not be opened: {r.failure}. Nothing was lost: retrying continues where the last attempt stopped.
        </p>
      )}
      {r.state === "conflict" && r.failure && (
        <p role="status" data-testid="conflict-reason" className="rounded border border-amber-500 bg-amber-50 p-3 text-sm text-amber-950">
          {r.failure}
        </p>
      )}
      {changedOutside && shownHead && (
        <div role="alert" data-testid="changed-outside" className="rounded border-2 border-rose-600 bg-rose-50 p-3 text-sm text-rose-950">
          <p className="font-semibold">The branch was changed outside Berth.</p>
          <p>
            Its head is now <code className="font-mono">{shownHead.slice(0, 12)}</code>; Berth wrote{" "}
            <code className="font-mono">{r.pushedSha?.slice(0, 12)}</code>. The files below are what Berth wrote, not what the branch holds now.{" "}
            {r.prUrl ? (
              <a href={`${r.prUrl}/files`} className="text-blue-800 underline">
                Review the pull request&apos;s current changes on GitHub
              </a>
            ) : (
              <>Review the branch&apos;s current changes</>
            )}{" "}
            before approving: an approval covers commit {shownHead.slice(0, 12)} only.
          </p>
        </div>
      )}
      {r.state === "conflict" && (
        <p role="alert" className="rounded border border-orange-400 bg-orange-50 p-3 text-sm text-orange-950">
          The branch no longer merges cleanly into the base branch (another change touched the same files). Withdraw this request and submit it again on the
          current repository{r.prUrl ? ", or resolve the conflict on the pull request" : ""}.
        </p>
      )}
      {(r.state === "merged" || r.state === "applied") && (
        <p className="text-sm">
          <Link href={`/namespaces/${encodeURIComponent(r.cluster)}/${encodeURIComponent(r.namespace)}`} className="text-blue-800 underline">
            Go to namespace {r.namespace}
          </Link>
        </p>
      )}
      {shownHead && (actions.includes("approve") || actions.includes("merge")) && (
        <p className="text-sm text-slate-700">
          You are reviewing head commit{" "}
          <code className="font-mono" data-head-sha={shownHead}>
            {shownHead.slice(0, 12)}
          </code>
          ; an approval covers this commit only.
        </p>
      )}
      {edit && (
        <EditRequestSteps
          id={r.id}
          cluster={r.cluster}
          namespace={r.namespace}
          state={r.state}
          operation={edit.operation}
          followUp={edit.followUp ?? null}
          after={edit.after ?? null}
          next={edit.next ?? null}
          flags={edit.flags ?? []}
        />
      )}
      <ApplyPipelineNote key={r.state} initial={state} />
      {prototype && <PrototypeSiteSection site={prototype} namespace={r.namespace} github={getServices().env.BERTH_GIT_PROVIDER === "github"} now={now} />}
      <section aria-labelledby="forecast" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="forecast" className="mb-2 font-semibold">
          Review forecast
        </h2>
        {r.review ? <ReviewForecastView forecast={r.review} /> : <p className="text-sm">No forecast was recorded for this request.</p>}
      </section>
      <RequestActions id={r.id} actions={actions} headSha={shownHead} />

      <section aria-labelledby="timeline" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="timeline" className="mb-2 font-semibold">
          Timeline
        </h2>
        <ol className="space-y-2 text-sm">
          {r.events.map((e, i) => (
            <li key={i} className="flex flex-wrap gap-x-3">
              <span className="tabular-nums text-slate-700">{time(e.createdAt)}</span>
              <span className="font-medium">{e.revision ? "Revised" : stateText(e.toState)}</span>
              <span>by {e.actor}</span>
              {e.note && <span className="text-slate-700">{e.note}</span>}
              {e.revision && <RevisionDiff revision={e.revision} label={e.note ?? "Revision"} />}
            </li>
          ))}
        </ol>
      </section>

      {r.prNumber !== null && r.prUrl && (
        <section aria-labelledby="github" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h2 id="github" className="mb-2 font-semibold">
            Reviews and checks
          </h2>
          <p className="mb-2 flex flex-wrap items-center gap-2 text-sm text-slate-700" data-testid="snapshot-age">
            {pullRequest ? (
              <>
                As Berth last heard from GitHub,{" "}
                <time dateTime={pullRequest.fetchedAt} title={time(new Date(pullRequest.fetchedAt))}>
                  {snapshotAge(pullRequest.fetchedAt, now)}
                </time>
                .
              </>
            ) : (
              <>Berth has not read this pull request from GitHub yet.</>
            )}
            <RefreshPullRequest id={r.id} />
          </p>
          {pullRequest && (
            <div className="grid gap-4 text-sm md:grid-cols-2">
              <div>
                <h3 className="font-medium">Reviews</h3>
                <ul>
                  {pullRequest.reviews.length === 0 ? (
                    <li>None yet</li>
                  ) : (
                    pullRequest.reviews.map((rv, i) => (
                      <li key={i}>
                        {rv.user}: {rv.state.toLowerCase().replace("_", " ")}
                      </li>
                    ))
                  )}
                </ul>
              </div>
              <div>
                <h3 className="font-medium">Checks</h3>
                <ul>
                  {pullRequest.checks.length === 0 ? (
                    <li>None reported</li>
                  ) : (
                    pullRequest.checks.map((c, i) => (
                      <li key={i}>
                        {c.name}: {c.conclusion ?? c.status}
                      </li>
                    ))
                  )}
                </ul>
              </div>
              <div className="md:col-span-2">
                <h3 className="font-medium">Conversation</h3>
                {[...pullRequest.reviews.filter((rv) => rv.body), ...pullRequest.comments].length === 0 ? (
                  <p>No comments yet.</p>
                ) : (
                  <ul className="space-y-2">
                    {pullRequest.reviews
                      .filter((rv) => rv.body)
                      .map((rv, i) => ({ user: rv.user, body: rv.body, key: `r${i}` }))
                      .concat(pullRequest.comments.map((c, i) => ({ user: c.user, body: c.body, key: `c${i}` })))
                      .map((c) => (
                        <li key={c.key}>
                          <span className="font-medium">{c.user}</span>: <span className="whitespace-pre-wrap">{c.body}</span>
                        </li>
                      ))}
                  </ul>
                )}
              </div>
            </div>
          )}
        </section>
      )}

      <section aria-labelledby="policy" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="policy" className="mb-2 font-semibold">
          The repository&apos;s checks
        </h2>
        <CheckResults results={checks} />
      </section>

      <section aria-labelledby="files" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="files" className="mb-2 font-semibold">
          Files in the pull request
        </h2>
        <ul className="space-y-2">
          {r.files.map((f) => (
            <li key={f.path}>
              <details>
                <summary className="cursor-pointer font-mono text-sm text-blue-800 underline">
                  {f.path} {f.content === null ? "(deleted)" : f.previous ? "(changed)" : "(new)"}
                </summary>
                <pre tabIndex={0} aria-label={`Changes to ${f.path}`} className="mt-1 overflow-x-auto rounded bg-slate-50 p-2 font-mono text-xs">
                  {diffLines(f.previous ?? null, f.content)}
                </pre>
              </details>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
