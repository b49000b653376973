import type { FakeTeam, FakeUser } from "./github-state";
import { stableId } from "./stable-id";

/** Where the fake lives: `web` plays github.com, `api` plays api.github.com (or GHES's /api/v3). */
export interface FakeUrls {
  web: string;
  api: string;
}

const EPOCH = "2020-01-01T00:00:00Z";

function nodeId(kind: string, id: number): string {
  return Buffer.from(`0${kind.length}:${kind}${id}`).toString("base64");
}

export function simpleUser(user: FakeUser, urls: FakeUrls) {
  // An App's bot is `<slug>[bot]`; GitHub escapes the brackets in its URLs (`/users/dependabot%5Bbot%5D`).
  const login = encodeURIComponent(user.login);
  const api = `${urls.api}/users/${login}`;
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId("User", user.id),
    avatar_url: `${urls.web}/avatars/u/${user.id}`,
    gravatar_id: "",
    url: api,
    html_url: `${urls.web}/${login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: user.login.endsWith("[bot]") ? "Bot" : "User",
    user_view_type: "public",
    site_admin: false,
  };
}

/** `GET /user` as the owner of the token sees it (GitHub's private-user). */
export function privateUser(user: FakeUser, urls: FakeUrls) {
  return {
    ...simpleUser(user, urls),
    user_view_type: "private",
    name: user.name,
    company: null,
    blog: "",
    location: null,
    email: user.email,
    notification_email: user.email,
    hireable: null,
    bio: null,
    twitter_username: null,
    public_repos: 0,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: user.createdAt,
    updated_at: user.createdAt,
    private_gists: 0,
    total_private_repos: 0,
    owned_private_repos: 0,
    disk_usage: 0,
    collaborators: 0,
    two_factor_authentication: true,
    plan: { name: "free", space: 976562499, collaborators: 0, private_repos: 10000 },
  };
}

export function organizationSimple(org: string, urls: FakeUrls) {
  const id = stableId("org", org);
  const api = `${urls.api}/orgs/${org}`;
  return {
    login: org,
    id,
    node_id: nodeId("Organization", id),
    url: api,
    repos_url: `${api}/repos`,
    events_url: `${api}/events`,
    hooks_url: `${api}/hooks`,
    issues_url: `${api}/issues`,
    members_url: `${api}/members{/member}`,
    public_members_url: `${api}/public_members{/member}`,
    avatar_url: `${urls.web}/avatars/o/${id}`,
    description: null,
  };
}

function teamOrganization(org: string, urls: FakeUrls) {
  return {
    ...organizationSimple(org, urls),
    name: org,
    is_verified: false,
    has_organization_projects: true,
    has_repository_projects: true,
    public_repos: 0,
    public_gists: 0,
    followers: 0,
    following: 0,
    html_url: `${urls.web}/${org}`,
    created_at: EPOCH,
    updated_at: EPOCH,
    archived_at: null,
    type: "Organization",
  };
}

/** GitHub's team-full, as `GET /user/teams` lists it. */
export function teamFull(team: FakeTeam, org: string, membersCount: number, urls: FakeUrls) {
  const api = `${urls.api}/organizations/${stableId("org", org)}/team/${team.id}`;
  return {
    id: team.id,
    node_id: nodeId("Team", team.id),
    url: api,
    html_url: `${urls.web}/orgs/${org}/teams/${team.slug}`,
    name: team.name,
    slug: team.slug,
    description: null,
    privacy: "closed",
    notification_setting: "notifications_enabled",
    permission: "pull",
    members_url: `${api}/members{/member}`,
    repositories_url: `${api}/repos`,
    parent: null,
    members_count: membersCount,
    repos_count: 0,
    created_at: EPOCH,
    updated_at: EPOCH,
    type: "organization",
    organization_id: stableId("org", org),
    organization: teamOrganization(org, urls),
  };
}
