import { emitCheckRun, eventSource, type EventSource } from "./repo-events";
import { checkRun } from "./repo-objects";
import { bodyOf, forRepo, unprocessable } from "./repo-request";
import type { FakeCheckRun } from "./repo-store";
import { notFound, type RestOperation } from "./rest-operation";
import { paginate } from "./paginate";

const REPO = ["repo"];
const DOCS = "https://docs.github.com/rest/checks/runs";

type CheckInput = Omit<FakeCheckRun, "id" | "startedAt" | "completedAt">;

/** Stores a check run and sends `check_run` created, or completed once it has concluded. */
export async function recordCheckRun(source: EventSource, input: CheckInput, replace: boolean): Promise<FakeCheckRun> {
  const { run } = source.repo.store.putCheckRun(input, replace);
  await emitCheckRun(source, run.status === "completed" ? "completed" : "created", run);
  return run;
}

/** Check runs on commits: what Berth reads to see CI, and (for completeness) creating one. */
export const checkOperations: RestOperation[] = [
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/commits/{ref}/check-runs",
    operationId: "checks/list-for-ref",
    acceptedScopes: REPO,
    documentationUrl: `${DOCS}#list-check-runs-for-a-git-reference`,
    handle: forRepo(async (request, repo) => {
      const sha = await repo.git.resolve(request.params.ref ?? "", "commit");
      if (!sha) return notFound(request);
      const query = request.url.searchParams;
      let runs = repo.store.checkRunsFor(sha);
      if (query.get("filter") !== "all") {
        const latest = new Map<string, FakeCheckRun>();
        for (const run of runs) latest.set(run.name, run);
        runs = [...latest.values()];
      }
      const name = query.get("check_name");
      const status = query.get("status");
      runs = runs.filter((run) => (name === null || run.name === name) && (status === null || run.status === status)).reverse();
      const page = paginate(runs, request.url);
      return {
        status: 200,
        body: { total_count: runs.length, check_runs: page.items.map((run) => checkRun(repo, request.urls, run)) },
        headers: page.link ? { link: page.link } : undefined,
      };
    }),
  },
  {
    method: "POST",
    path: "/repos/{owner}/{repo}/check-runs",
    operationId: "checks/create",
    acceptedScopes: REPO,
    documentationUrl: `${DOCS}#create-a-check-run`,
    handle: forRepo(async (request, repo) => {
      const input = bodyOf(request) as {
        name: string;
        head_sha: string;
        status?: CheckInput["status"];
        conclusion?: NonNullable<CheckInput["conclusion"]>;
        details_url?: string;
        external_id?: string;
      };
      const sha = await repo.git.resolve(input.head_sha, "commit");
      if (!sha || sha !== input.head_sha) return unprocessable(request, "No commit found for SHA: " + input.head_sha);
      const status = input.conclusion ? "completed" : (input.status ?? "queued");
      if (status === "completed" && !input.conclusion) return unprocessable(request, "conclusion is required when status is completed");
      const run = await recordCheckRun(
        eventSource(request, repo),
        {
          name: input.name,
          headSha: sha,
          status,
          conclusion: input.conclusion ?? null,
          detailsUrl: input.details_url ?? null,
          externalId: input.external_id ?? null,
        },
        false,
      );
      return { status: 201, body: checkRun(repo, request.urls, run) };
    }),
  },
];
