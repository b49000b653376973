import { createAppAuth } from "@octokit/auth-app";
import { retry } from "@octokit/plugin-retry";
import { throttling, type ThrottlingOptions } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/rest";
import { conditionalRequests } from "./conditional-requests";
import { createInstallationTokenCache } from "./installation-token-cache";
import { observeGitHub, type GitHubCall } from "./observe-github";

/** Where GitHub trouble is reported; Berth's structured log fits, the console is the default. */
export interface GitHubLog {
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** A GitHub App's installation: Octokit mints its tokens (an hour each) and replaces them before they expire. */
export interface GitHubAppCredentials {
  appId: number;
  /** The App's private key, PEM. */
  privateKey: string;
  installationId: number;
}

export interface CreateOctokitOptions {
  /** A token (the bot's or a user's), or a GitHub App installation's credentials; omitted for anonymous calls. */
  auth?: string | GitHubAppCredentials;
  /** The REST API root: https://api.github.com, or https://HOST/api/v3 on GitHub Enterprise Server. */
  baseUrl: string;
  log?: GitHubLog;
  /** Told of every attempt, retries included (the metrics count them). */
  onCall?: (call: GitHubCall) => void;
  /** Milliseconds in one second of waiting (1000); tests pass 1 so no retry waits real seconds. */
  msPerSecond?: number;
}

/** 5xx and network failures: three attempts in all, 0.5 s then 2 s apart (plugin-retry waits n² units). */
const RETRIES = 2;
/** Rate limits: one more attempt, and only when GitHub asks for a short wait; a request handler should fail rather than hang. */
const LIMIT_RETRIES = 1;
const MAX_LIMIT_WAIT_SECONDS = 60;
/** Rate limits belong to the throttling plugin alone (429 added), so one limit is never retried by both. */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];

type Group = NonNullable<ThrottlingOptions["write"]>;
// Note: plugin-throttling spaces writes at least a second apart, in one queue
// for the whole process (its queues are module-level and keyed by one id), so
// a pull request's writes (tree, commit, branch, pull request, labels,
// reviewers) and every reviewer's review would wait in line: seconds added to
// opening a pull request. Berth writes little, and a secondary limit it does
// meet is retried, so writes go unpaced.
const unpaced = { key: () => ({ schedule: (_job: unknown, task: () => Promise<unknown>) => task() }) } as unknown as Group;

const consoleLog: GitHubLog = {
  warn: (message, fields) => (fields ? console.warn(message, fields) : console.warn(message)),
  error: (message, fields) => (fields ? console.error(message, fields) : console.error(message)),
};

// Note: observeGitHub sits innermost, so it sees a 304 as the call it was; conditionalRequests answers it from its cache.
const GitHubOctokit = Octokit.plugin(observeGitHub, conditionalRequests, retry, throttling);

/**
 * The one way Berth makes a GitHub client: transient failures (5xx, network)
 * and rate limits are retried a bounded number of times, GETs are conditional
 * (ETags), every attempt is reported to `onCall`, and Octokit's logging goes to `log`.
 */
export function createOctokit(options: CreateOctokitOptions): Octokit {
  const log = options.log ?? consoleLog;
  const second = options.msPerSecond ?? 1000;
  const onLimit =
    (kind: string) =>
    (retryAfterSeconds: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number): boolean => {
      const retrying = retryCount < LIMIT_RETRIES && retryAfterSeconds <= MAX_LIMIT_WAIT_SECONDS;
      log.warn(`GitHub ${kind} rate limit`, { method: request.method, route: request.url, retryAfterSeconds, retrying });
      return retrying;
    };
  const auth = options.auth;
  const tokens = typeof auth === "object" ? createInstallationTokenCache() : undefined;
  const octokit = new GitHubOctokit({
    ...(typeof auth === "object"
      ? { authStrategy: createAppAuth, auth: { appId: auth.appId, privateKey: auth.privateKey, installationId: auth.installationId, cache: tokens } }
      : { auth }),
    baseUrl: options.baseUrl,
    userAgent: "berth",
    onCall: options.onCall,
    log: {
      debug: () => {},
      info: () => {},
      warn: (message: string, ...detail: unknown[]) => log.warn(message, detail.length > 0 ? { detail: detail.map(String) } : undefined),
      // Octokit logs every failed call; a 4xx is an answer its caller handles
      // (a branch not made yet, a pull request that exists), and a 304 is a conditional read answered from the cache: not news.
      error: (message: string) => void (/ - (?:304|4\d\d) with id /.test(message) || log.error(message)),
    },
    retry: { retries: RETRIES, retryAfterBaseValue: second / 2, doNotRetry: DO_NOT_RETRY },
    throttle: {
      onRateLimit: onLimit("primary"),
      onSecondaryRateLimit: onLimit("secondary"),
      retryAfterBaseValue: second,
      write: unpaced,
      notifications: unpaced,
    },
  });
  if (tokens) {
    // A 401 with a cached installation token means GitHub no longer takes it
    // (revoked, or the clocks disagree): mint a new one and try once more.
    octokit.hook.error("request", async (error, request) => {
      const retried = (request.request as { berthFreshToken?: boolean } | undefined)?.berthFreshToken;
      if ((error as { status?: number }).status !== 401 || retried || /^\/app\//.test(request.url)) throw error;
      log.warn("GitHub refused the installation token; minting a new one", { method: request.method, route: request.url });
      tokens.clear();
      return octokit.request({ ...request, request: { ...request.request, berthFreshToken: true } });
    });
  }
  return octokit;
}
