import { privateUser, teamFull } from "./github-objects";
import { errorBody, listResult, notFound, type RestOperation, type RestRequest } from "./rest-operation";
import { hasAnyScope } from "./scopes";

const currentUser = (request: RestRequest) => request.state.user(request.token.login);

/** The authenticated user's own endpoints under `/user`. */
export const userOperations: RestOperation[] = [
  {
    method: "GET",
    path: "/user",
    operationId: "users/get-authenticated",
    acceptedScopes: [],
    documentationUrl: "https://docs.github.com/rest/users/users#get-the-authenticated-user",
    handle(request) {
      const user = currentUser(request);
      return user ? { status: 200, body: privateUser(user, request.urls) } : notFound(request);
    },
  },
  {
    method: "GET",
    path: "/user/emails",
    operationId: "users/list-emails-for-authenticated-user",
    acceptedScopes: ["user", "user:email"],
    documentationUrl: "https://docs.github.com/rest/users/emails#list-email-addresses-for-the-authenticated-user",
    handle(request) {
      const user = currentUser(request);
      // Note: GitHub hides this endpoint (404, not 403) from a token without user:email.
      if (!user || !hasAnyScope(request.token.scopes, this.acceptedScopes)) return notFound(request);
      const noreply = `${user.id}+${user.login}@users.noreply.github.com`;
      const emails = user.email
        ? [
            { email: user.email, primary: true, verified: true, visibility: "public" },
            { email: noreply, primary: false, verified: true, visibility: null },
          ]
        : [{ email: noreply, primary: true, verified: true, visibility: "private" }];
      return listResult(emails, request);
    },
  },
  {
    method: "GET",
    path: "/user/teams",
    operationId: "teams/list-for-authenticated-user",
    acceptedScopes: ["read:org", "repo", "user"],
    documentationUrl: "https://docs.github.com/rest/teams/teams#list-teams-for-the-authenticated-user",
    handle(request) {
      if (!hasAnyScope(request.token.scopes, this.acceptedScopes)) {
        const message = "You need at least read:org scope or user scope to list your teams.";
        return { status: 403, body: errorBody(403, message, request.documentationUrl) };
      }
      const { state, urls } = request;
      const slugs = [...(currentUser(request)?.teams ?? [])].sort();
      const teams = slugs.flatMap((slug) => {
        const team = state.team(slug);
        return team ? [teamFull(team, state.org, state.teamMemberCount(slug), urls)] : [];
      });
      return listResult(teams, request);
    },
  },
];
