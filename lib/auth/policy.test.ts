import { describe, expect, it } from "vitest";
import {
  canBrowseInventory,
  canMergeRequest,
  canRequestNamespaceChange,
  canReview,
  canReviewRequest,
  canSeeNamespaceInFull,
  canWithdrawRequest,
  isNamespaceOwner,
  isReviewerTeamMember,
} from "./policy";
import type { Viewer } from "./viewer";
import { parseNamespace } from "@/lib/environments/repository/parse-namespace";
import { cloudPlatformProfile } from "@/lib/environments/profile/profile";
import { cloudPlatformNamespace } from "@/lib/environments/testing/cloud-platform-namespace";

const viewer = (teams: string[], reviewer = false): Viewer => ({ sessionId: "s", login: "u", name: "U", kind: "github", teams, reviewer });
const namespace = { teams: ["orders-team", "payments"] };

const roles = {
  anonymous: null,
  member: viewer(["unrelated"]),
  owner: viewer(["payments"]),
  otherOwner: viewer(["someone-else"]),
  reviewer: viewer(["webops"], true),
};

describe("policy", () => {
  it.each([
    ["anonymous", false, false, false, false, false],
    ["member", true, false, false, false, false],
    ["owner", true, true, true, true, false],
    ["otherOwner", true, false, false, false, false],
    ["reviewer", true, false, true, false, true],
  ] as const)("%s: browse %s, owner %s, full view %s, request %s, review %s", (role, browse, owner, full, request, review) => {
    const v = roles[role];
    expect(canBrowseInventory(v)).toBe(browse);
    expect(isNamespaceOwner(v, namespace)).toBe(owner);
    expect(canSeeNamespaceInFull(v, namespace)).toBe(full);
    expect(canRequestNamespaceChange(v, namespace)).toBe(request);
    expect(canReview(v)).toBe(review);
  });

  it("makes reviewers of the configured teams only", () => {
    expect(isReviewerTeamMember(["a", "webops"], ["webops"])).toBe(true);
    expect(isReviewerTeamMember(["webops-lite"], ["webops"])).toBe(false);
    expect(isReviewerTeamMember([], ["webops"])).toBe(false);
  });

  it("owners are admin-bound teams only: teams and users on narrower roles may not request changes or see secrets' keys", () => {
    const files = cloudPlatformNamespace("orders-dev", { teams: ["orders-team"] });
    files["07-rbac-readers.yaml"] = `kind: RoleBinding
apiVersion: rbac.authorization.k8s.io/v1
metadata:
  name: orders-dev-readers
  namespace: orders-dev
subjects:
  - kind: Group
    name: "github:orders-readers"
    apiGroup: rbac.authorization.k8s.io
  - kind: User
    name: "a-person"
    apiGroup: rbac.authorization.k8s.io
roleRef:
  kind: ClusterRole
  name: calico-network-policy-access
  apiGroup: rbac.authorization.k8s.io
`;
    const ns = parseNamespace({ files, profile: cloudPlatformProfile, clusterDomain: "live.cloud-platform.service.justice.gov.uk", name: "orders-dev" });
    expect(ns.otherAccess.map((a) => a.name)).toEqual(["orders-readers", "a-person"]);
    const reader = viewer(["orders-readers"]);
    expect(isNamespaceOwner(reader, ns)).toBe(false);
    expect(canRequestNamespaceChange(reader, ns)).toBe(false);
    expect(canSeeNamespaceInFull(reader, ns)).toBe(false);
    expect(canRequestNamespaceChange(viewer(["orders-team"]), ns)).toBe(true);
  });
});

describe("reviewing and merging a request", () => {
  const rita: Viewer = { sessionId: "s", login: "rita", name: "Rita", kind: "local", teams: ["webops", "team-a"], reviewer: true };
  it("never lets a requester who is a reviewer approve or merge their own request", () => {
    expect(canReviewRequest(rita, { requester: "rita" })).toBe(false);
    expect(canMergeRequest(rita, { requester: "rita" })).toBe(false);
    expect(canReviewRequest(rita, { requester: "alice" })).toBe(true);
    expect(canMergeRequest(rita, { requester: "alice" })).toBe(true);
    expect(canMergeRequest({ ...rita, login: "bob", reviewer: false }, { requester: "alice" })).toBe(false);
  });
  it("lets the requester and the team withdraw, nobody else", () => {
    const request = { requester: "alice", team: "team-b" };
    expect(canWithdrawRequest({ ...rita, login: "alice", reviewer: false, teams: [] }, request)).toBe(true);
    expect(canWithdrawRequest({ ...rita, login: "bob", reviewer: false, teams: ["team-b"] }, request)).toBe(true);
    expect(canWithdrawRequest(rita, request)).toBe(false);
    expect(canWithdrawRequest(null, request)).toBe(false);
  });
});
