import path from "node:path";
import { z } from "zod";

/**
 * Berth's settings. This module is the only reader of process.env: everything
 * else asks getEnv(), so a bad or missing setting fails in one place with a
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
});

export type Env = z.infer<typeof schema> & { dataDir: string; environmentsRepo: string };

export class ConfigError extends Error {
  constructor(readonly setting: string, detail: string) {
    super(`Invalid setting ${setting}: ${detail}`);
    this.name = "ConfigError";
  }
}

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
  return {
    ...env,
    dataDir: path.resolve(env.BERTH_DATA_DIR),
    environmentsRepo: path.resolve(env.BERTH_ENVIRONMENTS_REPO),
  };
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
