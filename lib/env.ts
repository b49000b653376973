import { createPrivateKey } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * Berth's settings. This module is the only reader of process.env: everything
 * else is handed what readEnv() returns, so a bad or missing setting fails in one place with a
 * message that names it.
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** PostgreSQL connection string. Unset: the embedded PGlite database in BERTH_DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  /** Folder for Berth's local state (embedded database, clones). */
  BERTH_DATA_DIR: z.string().min(1).default(".berth"),
  /** Local checkout of the environments repository. */
  BERTH_ENVIRONMENTS_REPO: z.string().min(1).default(".berth/sample-environments"),
  /** A platform profile file (JSON); unset: the built-in Cloud Platform profile. */
  BERTH_PROFILE: z.string().min(1).optional(),
  /** How often the index looks for a new commit. */
  BERTH_INDEX_REFRESH_SECONDS: z.coerce.number().int().min(1).max(3600).default(15),
  /** Web URL of a file in the repository; {commit} and {path} are replaced. Unset: Berth's own viewer. */
  BERTH_REPO_WEB_URL: z
    .string()
    .url()
    .refine((v) => v.includes("{path}"), "must contain {path}")
    .optional(),

  /** Berth's own URL, as users reach it (next-auth builds its callback URLs from it). */
  NEXTAUTH_URL: z.string().url().optional(),
  /** Signs and encrypts session cookies and GitHub tokens at rest. Required in production. */
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** Only members of this GitHub organisation may sign in; its teams give permissions. */
  GITHUB_ORG: z
    .string()
    .regex(/^[A-Za-z0-9-]+$/, "must be a GitHub organisation login")
    .default("ministryofjustice"),
  /** The OAuth app's credentials. */
  GITHUB_CLIENT_ID: z.string().min(1).optional(),
  GITHUB_CLIENT_SECRET: z.string().min(1).optional(),
  /** GitHub's REST API; GitHub Enterprise Server: https://<host>/api/v3. */
  GITHUB_API_URL: z.string().url().default("https://api.github.com"),
  /** GitHub's web address (OAuth pages); GitHub Enterprise Server: https://<host>. */
  GITHUB_WEB_URL: z.string().url().default("https://github.com"),
  /** Members of these org teams (comma-separated slugs) are platform reviewers. */
  BERTH_REVIEWER_TEAMS: z
    .string()
    .default("webops")
    .transform((v) =>
      v
        .split(",")
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  /** How old a session's team list may get before it is read from GitHub again. */
  BERTH_TEAMS_REFRESH_MINUTES: z.coerce.number().int().min(1).max(15).default(15),
  /** Where requests become pull requests: "github", or "local" (a branch in BERTH_ENVIRONMENTS_REPO; the embedded demo). */
  BERTH_GIT_PROVIDER: z.enum(["local", "github"]).default("local"),
  /** The environments repository on GitHub, "owner/name". */
  GITHUB_ENVIRONMENTS_REPO: z
    .string()
    .regex(/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/, "must be owner/name")
    .optional(),
  /** The bot's token that writes branches and pull requests: the simple option; a GitHub App (below) is the other. */
  GITHUB_BOT_TOKEN: z.string().min(1).optional(),
  // --- The bot as a GitHub App (parsed by parseGitHubApp, below) ---
  /** The App's id ("App ID" on its settings page): the issuer of the JWTs that mint installation tokens. */
  GITHUB_APP_ID: z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/, "must be the App's numeric App ID")
    .transform(Number)
    .optional(),
  /** The App's private key, PEM (literal `\n` escapes are accepted, for one-line secrets). */
  GITHUB_APP_PRIVATE_KEY: z.string().min(1).optional(),
  /** A file holding the App's private key, PEM (a mounted Secret); instead of GITHUB_APP_PRIVATE_KEY. */
  GITHUB_APP_PRIVATE_KEY_FILE: z.string().min(1).optional(),
  /** The App's installation on the organisation (the number ending its settings URL). */
  GITHUB_APP_INSTALLATION_ID: z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/, "must be the installation's numeric id")
    .transform(Number)
    .optional(),
  // --- end of the GitHub App ---
  /** Verifies webhook deliveries (X-Hub-Signature-256). */
  GITHUB_WEBHOOK_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  /**
   * With the GitHub provider, reviewers post reviews as themselves, so sign-in
   * also asks for this scope: "public_repo" for a public environments
   * repository, "repo" for a private one.
   */
  GITHUB_REVIEW_SCOPE: z.enum(["public_repo", "repo"]).default("public_repo"),
  /** The branch pull requests target. */
  BERTH_BASE_BRANCH: z.string().min(1).default("main"),
  /** Labels put on every pull request Berth opens (comma-separated). */
  BERTH_PR_LABELS: z
    .string()
    .default("berth")
    .transform((v) =>
      v
        .split(",")
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  /** How often open pull requests are polled, in case a webhook was missed. */
  BERTH_POLL_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  /** The poll interval while webhook deliveries arrive on time (polling is then only a safety net). */
  BERTH_POLL_STRETCHED_SECONDS: z.coerce.number().int().min(5).max(3600).default(600),
  /** Below this many calls left in a GitHub rate-limit window, background reads stop so user actions keep working. */
  BERTH_GITHUB_RESERVE: z.coerce.number().int().min(0).max(100_000).default(500),
  /** The most pull requests any campaign opens per minute, whatever its own pace says. */
  BERTH_CAMPAIGN_MAX_PRS_PER_MINUTE: z.coerce.number().int().min(1).max(600).default(10),
  /**
   * A kubeconfig file; each cluster of the profile is read through its
   * context (the profile's kubeContext, or the cluster's name). Clusters with
   * no context show as not configured.
   */
  BERTH_KUBECONFIG: z.string().min(1).optional(),
  /** The profile cluster Berth itself runs in: read with its in-cluster service account instead. */
  BERTH_KUBE_IN_CLUSTER: z.string().min(1).optional(),
  /** Mutations (POST) one client (session, or address when signed out) may make per minute, per replica; bursts up to half of it. */
  BERTH_RATE_LIMIT_MUTATIONS: z.coerce.number().int().min(1).max(100_000).default(120),
  /** Webhook deliveries one source address may make per minute, per replica; bursts up to half of it. */
  BERTH_RATE_LIMIT_WEBHOOKS: z.coerce.number().int().min(1).max(100_000).default(1200),
  /** Pod log reads (a page of lines, a follow or a download) one user may start per minute, per replica; bursts up to half of it. */
  BERTH_RATE_LIMIT_LOG_READS: z.coerce.number().int().min(1).max(100_000).default(60),
  /** Pod logs one user may follow at once, per replica: each holds a connection to the cluster's API server. */
  BERTH_LOG_FOLLOWS_PER_USER: z.coerce.number().int().min(1).max(1000).default(3),
  /**
   * How many reverse proxies in front of Berth append the client's address to
   * X-Forwarded-For (1 behind an ingress controller). 0: none are trusted, and
   * rate limits count the TCP peer's address whatever the headers claim.
   */
  BERTH_TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** When set, /api/metrics wants `Authorization: Bearer <this>` (Prometheus' bearer token). Unset: open, keep it off the Ingress. */
  BERTH_METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  /**
   * Slack incoming-webhook URL: a message when a request is submitted, has changes requested, is approved, merged or
   * applied. A secret (anyone holding it posts to the channel): never logged. Unset: no notifications.
   */
  BERTH_SLACK_WEBHOOK_URL: z
    .string()
    .regex(/^https?:\/\/[^\s]+$/, "must be an http(s) URL, such as the https://hooks.slack.com/services/... URL Slack gives an incoming webhook")
    .optional(),
  /** Sign in as a sample user, without GitHub: for the embedded demo only. */
  BERTH_LOCAL_SIGNIN: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  /** Must also be "true" for local sign-in on a production start: anyone could sign in as anyone. */
  BERTH_DANGEROUSLY_ALLOW_LOCAL_SIGNIN_IN_PRODUCTION: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
});

/** The bot as a GitHub App installation: Berth mints its tokens (an hour each) and replaces them before they expire. */
export interface GitHubAppSettings {
  appId: number;
  /** PEM; never logged, never sent anywhere but into the JWT signer. */
  privateKey: string;
  installationId: number;
}

export type Env = z.infer<typeof schema> & { dataDir: string; environmentsRepo: string; authSecret: string; githubApp: GitHubAppSettings | null };

/** Note: on loopback outside production a fixed secret keeps dev sessions across restarts; elsewhere Berth refuses to start without one. */
const DEVELOPMENT_SECRET = "berth-development-secret-not-for-production-use";

export class ConfigError extends Error {
  constructor(
    readonly setting: string,
    detail: string,
  ) {
    super(`Invalid setting ${setting}: ${detail}`);
    this.name = "ConfigError";
  }
}

// --- The bot as a GitHub App ---
const APP_SETTINGS = ["GITHUB_APP_ID", "GITHUB_APP_INSTALLATION_ID", "GITHUB_APP_PRIVATE_KEY", "GITHUB_APP_PRIVATE_KEY_FILE"] as const;

/**
 * The GitHub App settings go together: an id, an installation and one
 * private key (the value or a file). The key is read and parsed here, so a
 * wrong path or a pasted public key stops the start with the setting's name.
 * Note: messages never quote the key.
 */
function parseGitHubApp(env: z.infer<typeof schema>): GitHubAppSettings | null {
  if (!APP_SETTINGS.some((setting) => env[setting] !== undefined)) return null;
  if (env.GITHUB_APP_ID === undefined) throw new ConfigError("GITHUB_APP_ID", "required with the other GITHUB_APP_* settings");
  if (env.GITHUB_APP_INSTALLATION_ID === undefined) throw new ConfigError("GITHUB_APP_INSTALLATION_ID", "required with GITHUB_APP_ID");
  if (env.GITHUB_APP_PRIVATE_KEY !== undefined && env.GITHUB_APP_PRIVATE_KEY_FILE !== undefined) {
    throw new ConfigError("GITHUB_APP_PRIVATE_KEY_FILE", "set GITHUB_APP_PRIVATE_KEY or GITHUB_APP_PRIVATE_KEY_FILE, not both");
  }
  const setting = env.GITHUB_APP_PRIVATE_KEY_FILE !== undefined ? "GITHUB_APP_PRIVATE_KEY_FILE" : "GITHUB_APP_PRIVATE_KEY";
  let pem = env.GITHUB_APP_PRIVATE_KEY;
  if (env.GITHUB_APP_PRIVATE_KEY_FILE !== undefined) {
    try {
      pem = readFileSync(env.GITHUB_APP_PRIVATE_KEY_FILE, "utf8");
    } catch (error) {
      throw new ConfigError(setting, `cannot read ${env.GITHUB_APP_PRIVATE_KEY_FILE} (${(error as NodeJS.ErrnoException).code ?? "unreadable"})`);
    }
  }
  if (pem === undefined) throw new ConfigError("GITHUB_APP_PRIVATE_KEY", "required with GITHUB_APP_ID (or GITHUB_APP_PRIVATE_KEY_FILE)");
  const privateKey = pem.replace(/\\n/g, "\n").trim();
  let type: string | undefined;
  try {
    type = createPrivateKey(privateKey).asymmetricKeyType;
  } catch {
    throw new ConfigError(setting, "is not a PEM private key (the .pem file GitHub generates, starting -----BEGIN RSA PRIVATE KEY-----)");
  }
  if (type !== "rsa") throw new ConfigError(setting, `is a ${type ?? "non-RSA"} key; a GitHub App's private key is RSA`);
  return { appId: env.GITHUB_APP_ID, privateKey, installationId: env.GITHUB_APP_INSTALLATION_ID };
}

/** With the GitHub provider, the bot is exactly one of: a token, or a GitHub App. */
function assertOneBot(env: Env): void {
  if (env.GITHUB_BOT_TOKEN && env.githubApp) {
    throw new ConfigError("GITHUB_BOT_TOKEN", "set either GITHUB_BOT_TOKEN or the GitHub App settings (GITHUB_APP_ID...), not both");
  }
  if (!env.GITHUB_BOT_TOKEN && !env.githubApp) {
    throw new ConfigError(
      "GITHUB_BOT_TOKEN",
      "required when BERTH_GIT_PROVIDER=github, unless the bot is a GitHub App (GITHUB_APP_ID, GITHUB_APP_INSTALLATION_ID and GITHUB_APP_PRIVATE_KEY or GITHUB_APP_PRIVATE_KEY_FILE)",
    );
  }
}
// --- end of the GitHub App ---

/** Parses a settings object; exported for tests. Empty strings count as unset. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const setting = String(issue.path[0] ?? "environment");
    throw new ConfigError(setting, issue.message);
  }
  const env = result.data;
  const production = env.NODE_ENV === "production";
  // Note: local sign-in lets anyone sign in as anyone, so without the loud flag it is only for a development server on
  // this machine: NEXTAUTH_URL must be a loopback address, whatever NODE_ENV says (`next start` with NODE_ENV=test too).
  if (env.BERTH_LOCAL_SIGNIN && !env.BERTH_DANGEROUSLY_ALLOW_LOCAL_SIGNIN_IN_PRODUCTION && (production || !isLoopbackUrl(env.NEXTAUTH_URL))) {
    throw new ConfigError(
      "BERTH_LOCAL_SIGNIN",
      production
        ? "local sign-in lets anyone sign in as anyone; on a production start it also needs BERTH_DANGEROUSLY_ALLOW_LOCAL_SIGNIN_IN_PRODUCTION=true"
        : "local sign-in lets anyone sign in as anyone; it needs NEXTAUTH_URL on a loopback address (http://localhost:3000) or BERTH_DANGEROUSLY_ALLOW_LOCAL_SIGNIN_IN_PRODUCTION=true",
    );
  }
  if (Boolean(env.GITHUB_CLIENT_ID) !== Boolean(env.GITHUB_CLIENT_SECRET)) {
    throw new ConfigError(env.GITHUB_CLIENT_ID ? "GITHUB_CLIENT_SECRET" : "GITHUB_CLIENT_ID", "GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET go together");
  }
  return {
    ...env,
    dataDir: path.resolve(env.BERTH_DATA_DIR),
    environmentsRepo: path.resolve(env.BERTH_ENVIRONMENTS_REPO),
    authSecret: env.NEXTAUTH_SECRET ?? DEVELOPMENT_SECRET,
    githubApp: parseGitHubApp(env),
  };
}

/** Whether a URL's host is this machine only: localhost, 127.0.0.0/8 or ::1. Unset or unparsable: no. */
export function isLoopbackUrl(url: string | undefined): boolean {
  if (!url) return false;
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  return host === "localhost" || host.endsWith(".localhost") || host === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** What only the web server needs (not the CLI or migrations): a way to sign in, and a real secret in production. */
export function assertServerSettings(env: Env): void {
  if (!env.GITHUB_CLIENT_ID && !env.BERTH_LOCAL_SIGNIN) {
    throw new ConfigError("GITHUB_CLIENT_ID", "required to sign in with GitHub (or set BERTH_LOCAL_SIGNIN=true for the embedded demo)");
  }
  if (env.NODE_ENV === "production" && !env.NEXTAUTH_SECRET) {
    throw new ConfigError("NEXTAUTH_SECRET", "required in production (32 characters or more)");
  }
  // Note: the development secret is public (it is in this file): sessions signed with it are only acceptable on loopback.
  if (!env.NEXTAUTH_SECRET && !isLoopbackUrl(env.NEXTAUTH_URL)) {
    throw new ConfigError("NEXTAUTH_SECRET", "required unless NEXTAUTH_URL is a loopback address such as http://localhost:3000 (32 characters or more)");
  }
  if (env.BERTH_GIT_PROVIDER === "github") {
    if (!env.GITHUB_ENVIRONMENTS_REPO) throw new ConfigError("GITHUB_ENVIRONMENTS_REPO", "required when BERTH_GIT_PROVIDER=github");
    assertOneBot(env);
    if (!env.GITHUB_WEBHOOK_SECRET) throw new ConfigError("GITHUB_WEBHOOK_SECRET", "required when BERTH_GIT_PROVIDER=github");
  }
}

/** The process's settings. The composition root (lib/server/services.ts) reads them once; scripts and the CLI call it themselves. */
export function readEnv(): Env {
  return parseEnv(process.env);
}
