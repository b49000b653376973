import { describe, expect, it } from "vitest";
import { roles, viewer } from "../testing/fake-services";
import { fakeRequestDb, requestRow } from "../testing/fake-request-db";
import { listRequests } from "./list-requests";

const day = (n: number) => new Date(Date.UTC(2026, 4, n));

describe("listRequests", () => {
  const requests = fakeRequestDb([
    requestRow("team-a-old", { team: "team-a", createdAt: day(1), updatedAt: day(1) }),
    requestRow("team-a-new", { team: "team-a", createdAt: day(3), updatedAt: day(3) }),
    requestRow("by-mel-for-team-b", { team: "team-b", requester: "mel", createdAt: day(2), updatedAt: day(2) }),
    // Asked for first, but revised last: the list shows the update date, and sorts by it.
    requestRow("team-c", { team: "team-c", requester: "someone", createdAt: day(0), updatedAt: day(4) }),
  ]);
  const ids = async (who: Parameters<typeof listRequests>[1]) => (await listRequests(requests.db, who)).map((r) => r.id);

  it("shows a team member their teams' requests, most recently updated first, and no one else's", async () => {
    expect(await ids(roles.owner)).toEqual(["team-a-new", "team-a-old"]);
  });

  it("shows someone their own requests for another team", async () => {
    expect(await ids(roles.member)).toEqual(["by-mel-for-team-b"]);
    expect(await ids(viewer("nobody", []))).toEqual([]);
  });

  it("shows reviewers every request", async () => {
    expect(await ids(roles.reviewer)).toEqual(["team-c", "team-a-new", "by-mel-for-team-b", "team-a-old"]);
  });
});
