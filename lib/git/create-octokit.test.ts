import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createOctokit } from "./create-octokit";
import type { GitHubCall } from "./observe-github";

/** How the local GitHub answers one request. */
type Answer = (request: IncomingMessage, response: ServerResponse) => void;

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Answer =>
  (_request, response) => {
    response.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
    response.end(JSON.stringify(body));
  };
const ok = json(200, { full_name: "acme/environments" });
const resetConnection: Answer = (request) => request.socket.destroy();
const secondaryLimit = json(
  403,
  { message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.", documentation_url: "https://docs.github.com/rest" },
  { "retry-after": "0" },
);
const primaryLimit = (resetInSeconds: number) =>
  json(
    429,
    { message: "API rate limit exceeded for user ID 1." },
    { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(Math.ceil(Date.now() / 1000) + resetInSeconds) },
  );

let server: Server;
let baseUrl: string;
let answers: Answer[];
let hits: string[];

beforeAll(async () => {
  server = createServer((request, response) => {
    hits.push(`${request.method} ${request.url}`);
    (answers.shift() ?? json(500, { message: "the test scripted no more answers" }))(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  answers = [];
  hits = [];
});

/** A client of the local GitHub whose waits take milliseconds, not seconds, and what it reported. */
function client() {
  const calls: GitHubCall[] = [];
  const log = { warn: vi.fn(), error: vi.fn() };
  const octokit = createOctokit({ auth: "ghs_test", baseUrl, log, onCall: (call) => calls.push(call), msPerSecond: 1 });
  const getRepo = () => octokit.rest.repos.get({ owner: "acme", repo: "environments" });
  return { octokit, calls, log, getRepo, statuses: () => calls.map((c) => c.status) };
}

describe("createOctokit", () => {
  it("retries a 5xx, and reports both attempts", async () => {
    answers = [json(500, { message: "Server Error" }), ok];
    const { getRepo, calls } = client();
    await expect(getRepo()).resolves.toMatchObject({ status: 200, data: { full_name: "acme/environments" } });
    expect(hits).toEqual(["GET /repos/acme/environments", "GET /repos/acme/environments"]);
    expect(calls).toEqual([
      expect.objectContaining({ method: "GET", route: "/repos/{owner}/{repo}", status: 500 }),
      expect.objectContaining({ method: "GET", route: "/repos/{owner}/{repo}", status: 200 }),
    ]);
  });

  it("gives up on a 5xx after three attempts, with GitHub's error", async () => {
    answers = [json(502, { message: "Server Error" }), json(502, { message: "Server Error" }), json(503, { message: "Unavailable" }), ok];
    const { getRepo, statuses, log } = client();
    await expect(getRepo()).rejects.toMatchObject({ status: 503 });
    expect(statuses()).toEqual([502, 502, 503]);
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining("GET /repos/acme/environments - 503"));
  });

  it("retries a connection reset, which it reports as no answer", async () => {
    answers = [resetConnection, ok];
    const { getRepo, statuses } = client();
    await expect(getRepo()).resolves.toMatchObject({ status: 200 });
    expect(statuses()).toEqual([0, 200]);
  });

  it("retries a secondary rate limit (403 with retry-after), and says so in the log", async () => {
    answers = [secondaryLimit, ok];
    const { getRepo, statuses, log } = client();
    await expect(getRepo()).resolves.toMatchObject({ status: 200 });
    expect(statuses()).toEqual([403, 200]);
    expect(log.warn).toHaveBeenCalledWith(
      "GitHub secondary rate limit",
      expect.objectContaining({ method: "GET", route: "/repos/{owner}/{repo}", retrying: true }),
    );
  });

  it("waits for a primary rate limit that resets in a moment, then retries", async () => {
    answers = [primaryLimit(1), ok];
    const { getRepo, statuses, log } = client();
    await expect(getRepo()).resolves.toMatchObject({ status: 200 });
    expect(statuses()).toEqual([429, 200]);
    expect(log.warn).toHaveBeenCalledWith("GitHub primary rate limit", expect.objectContaining({ retrying: true }));
  });

  it("retries a rate limit once only", async () => {
    answers = [secondaryLimit, secondaryLimit, ok];
    const { getRepo, statuses } = client();
    await expect(getRepo()).rejects.toMatchObject({ status: 403 });
    expect(statuses()).toEqual([403, 403]);
  });

  it("does not wait out a rate limit that resets in more than a minute", async () => {
    answers = [primaryLimit(3600), ok];
    const { getRepo, statuses, log } = client();
    await expect(getRepo()).rejects.toMatchObject({ status: 429 });
    expect(statuses()).toEqual([429]);
    expect(log.warn).toHaveBeenCalledWith("GitHub primary rate limit", expect.objectContaining({ retrying: false }));
  });

  it("never retries a 404, and does not log it as an error", async () => {
    answers = [json(404, { message: "Not Found" }), ok];
    const { getRepo, statuses, log } = client();
    await expect(getRepo()).rejects.toMatchObject({ status: 404 });
    expect(statuses()).toEqual([404]);
    expect(log.error).not.toHaveBeenCalled();
  });

  it("never retries a 422", async () => {
    answers = [json(422, { message: "Reference already exists" }), ok];
    const { octokit, statuses } = client();
    await expect(octokit.rest.git.createRef({ owner: "acme", repo: "environments", ref: "refs/heads/x", sha: "0".repeat(40) })).rejects.toMatchObject({
      status: 422,
    });
    expect(hits).toEqual(["POST /repos/acme/environments/git/refs"]);
    expect(statuses()).toEqual([422]);
  });

  it("reports the rate limit GitHub says is left", async () => {
    answers = [json(200, {}, { "x-ratelimit-remaining": "4321" })];
    const { getRepo, calls } = client();
    await getRepo();
    expect(calls[0]).toMatchObject({ rateLimitRemaining: 4321 });
    expect(calls[0]!.durationMs).toBeGreaterThanOrEqual(0);
  });
});
