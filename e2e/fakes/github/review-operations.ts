import { pullRequest, pullShas } from "./pull-objects";
import { emitPullRequest, emitReview, eventSource } from "./repo-events";
import { review } from "./repo-objects";
import { bodyOf, findPull, forRepo } from "./repo-request";
import type { FakeReview } from "./repo-store";
import { errorBody, listResult, notFound, type RestOperation, type RestRequest, type RestResult } from "./rest-operation";

const REPO = ["repo"];
const DOCS = "https://docs.github.com/rest/pulls";

/** GitHub's 422 `validation-error-simple`, as reviews answer it. */
const refused = (request: RestRequest, error: string): RestResult => ({
  status: 422,
  body: { message: "Unprocessable Entity", errors: [error], documentation_url: request.documentationUrl, status: "422" },
});

const STATES = { APPROVE: "APPROVED", REQUEST_CHANGES: "CHANGES_REQUESTED", COMMENT: "COMMENTED" } as const;

/** Reviews and review requests. */
export const reviewOperations: RestOperation[] = [
  {
    method: "POST",
    path: "/repos/{owner}/{repo}/pulls/{pull_number}/reviews",
    operationId: "pulls/create-review",
    acceptedScopes: REPO,
    documentationUrl: `${DOCS}/reviews#create-a-review-for-a-pull-request`,
    handle: forRepo(async (request, repo) => {
      const pull = findPull(request, repo);
      if (!pull) return notFound(request);
      const input = bodyOf(request) as { event?: keyof typeof STATES; body?: string; commit_id?: string };
      const login = request.token.login;
      if (pull.state === "closed" && input.event) return refused(request, "Can not review a closed pull request");
      if (input.event === "APPROVE" && login === pull.author) return refused(request, "Can not approve your own pull request");
      if (input.event === "REQUEST_CHANGES" && login === pull.author) return refused(request, "Can not request changes on your own pull request");
      if ((input.event === "REQUEST_CHANGES" || input.event === "COMMENT") && !input.body?.trim()) {
        return refused(request, `Body is required for ${input.event} event`);
      }
      const { head } = await pullShas(repo, pull);
      const state: FakeReview["state"] = input.event ? STATES[input.event] : "PENDING";
      const saved = repo.store.addReview(pull, { login, state, body: input.body ?? "", commitId: input.commit_id ?? head });
      if (state !== "PENDING") {
        const teams = request.state.user(login)?.teams ?? new Set<string>();
        pull.requestedUsers = pull.requestedUsers.filter((user) => user !== login);
        pull.requestedTeams = pull.requestedTeams.filter((team) => !teams.has(team));
        await emitReview(eventSource(request, repo), pull, saved);
      }
      return { status: 200, body: review(repo, request.state, request.urls, pull, saved) };
    }),
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/pulls/{pull_number}/reviews",
    operationId: "pulls/list-reviews",
    acceptedScopes: REPO,
    documentationUrl: `${DOCS}/reviews#list-reviews-for-a-pull-request`,
    handle: forRepo((request, repo) => {
      const pull = findPull(request, repo);
      if (!pull) return notFound(request);
      // Note: a pending review is visible only to its author, as on GitHub.
      const visible = pull.reviews.filter((saved) => saved.state !== "PENDING" || saved.login === request.token.login);
      return listResult(
        visible.map((saved) => review(repo, request.state, request.urls, pull, saved)),
        request,
      );
    }),
  },
  {
    method: "POST",
    path: "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
    operationId: "pulls/request-reviewers",
    acceptedScopes: REPO,
    documentationUrl: `${DOCS}/review-requests#request-reviewers-for-a-pull-request`,
    handle: forRepo(async (request, repo) => {
      const pull = findPull(request, repo);
      if (!pull) return notFound(request);
      const { reviewers = [], team_reviewers: teams = [] } = bodyOf(request) as { reviewers?: string[]; team_reviewers?: string[] };
      const fail = (message: string): RestResult => ({ status: 422, body: errorBody(422, message, request.documentationUrl) });
      if (reviewers.includes(pull.author)) return fail("Review cannot be requested from pull request author.");
      if (teams.some((slug) => !request.state.team(slug))) {
        return fail(
          `Reviews may only be requested from collaborators. One or more of the teams you specified is not a collaborator of the ${repo.fullName} repository.`,
        );
      }
      if (reviewers.some((login) => !request.state.user(login)?.orgMember)) {
        return fail(
          `Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ${repo.fullName} repository.`,
        );
      }
      const events = eventSource(request, repo);
      for (const login of reviewers.filter((login) => !pull.requestedUsers.includes(login))) {
        pull.requestedUsers.push(login);
        const user = request.state.user(login);
        await emitPullRequest(events, "review_requested", pull, { requested_reviewer: user ? { login: user.login, id: user.id } : null });
      }
      for (const slug of teams.filter((slug) => !pull.requestedTeams.includes(slug))) {
        pull.requestedTeams.push(slug);
        const team = request.state.team(slug);
        await emitPullRequest(events, "review_requested", pull, { requested_team: team ? { id: team.id, slug: team.slug, name: team.name } : null });
      }
      return { status: 201, body: await pullRequest(repo, request.state, request.urls, pull, { full: false }) };
    }),
  },
];
