import { organizationSimple, simpleUser, teamFull } from "./github-objects";
import { errorBody, notFound, type RestOperation, type RestRequest } from "./rest-operation";
import { hasAnyScope } from "./scopes";

const READ_ORG = ["admin:org", "read:org", "repo", "user", "write:org"];

const isOurOrg = (request: RestRequest) => request.params.org?.toLowerCase() === request.state.org.toLowerCase();

/** Membership of the one organization the fake hosts, and of its teams. */
export const orgOperations: RestOperation[] = [
  {
    method: "GET",
    path: "/user/memberships/orgs/{org}",
    operationId: "orgs/get-membership-for-authenticated-user",
    acceptedScopes: READ_ORG,
    documentationUrl: "https://docs.github.com/rest/orgs/members#get-an-organization-membership-for-the-authenticated-user",
    handle(request) {
      const { state, urls, token } = request;
      if (!hasAnyScope(token.scopes, this.acceptedScopes)) {
        const message = "You must have the read:org scope to view organization memberships.";
        return { status: 403, body: errorBody(403, message, request.documentationUrl) };
      }
      const user = state.user(token.login);
      if (!user?.orgMember || !isOurOrg(request)) return notFound(request);
      return {
        status: 200,
        body: {
          url: `${urls.api}/orgs/${state.org}/memberships/${user.login}`,
          state: "active",
          role: "member",
          organization_url: `${urls.api}/orgs/${state.org}`,
          organization: organizationSimple(state.org, urls),
          user: simpleUser(user, urls),
        },
      };
    },
  },
  {
    method: "GET",
    path: "/orgs/{org}/teams/{team_slug}/memberships/{username}",
    operationId: "teams/get-membership-for-user-in-org",
    acceptedScopes: READ_ORG,
    documentationUrl: "https://docs.github.com/rest/teams/members#get-team-membership-for-a-user",
    handle(request) {
      const { state, urls, params } = request;
      const user = state.user(params.username ?? "");
      const slug = params.team_slug ?? "";
      // Note: GitHub hides a team from a token that cannot read the org (404, not 403).
      if (!hasAnyScope(request.token.scopes, this.acceptedScopes)) return notFound(request);
      if (!isOurOrg(request) || !user?.teams.has(slug)) return notFound(request);
      const team = state.team(slug);
      const url = `${urls.api}/organizations/${organizationSimple(state.org, urls).id}/team/${team?.id}/memberships/${user.login}`;
      return { status: 200, body: { url, role: "member", state: "active" } };
    },
  },
  {
    method: "GET",
    path: "/orgs/{org}/teams/{team_slug}",
    operationId: "teams/get-by-name",
    acceptedScopes: READ_ORG,
    documentationUrl: "https://docs.github.com/rest/teams/teams#get-a-team-by-name",
    handle(request) {
      const { state, urls, params } = request;
      // Note: as for memberships, a team the token cannot see is a 404, not a 403.
      if (!hasAnyScope(request.token.scopes, this.acceptedScopes) || !isOurOrg(request)) return notFound(request);
      const team = state.team(params.team_slug ?? "");
      if (!team) return notFound(request);
      return { status: 200, body: teamFull(team, state.org, state.teamMemberCount(team.slug), urls) };
    },
  },
  {
    method: "GET",
    path: "/orgs/{org}/members/{username}",
    operationId: "orgs/check-membership-for-user",
    acceptedScopes: [],
    documentationUrl: "https://docs.github.com/rest/orgs/members#check-organization-membership-for-a-user",
    handle(request) {
      const user = request.state.user(request.params.username ?? "");
      if (!isOurOrg(request) || !user?.orgMember) return notFound(request);
      return { status: 204 };
    },
  },
];
