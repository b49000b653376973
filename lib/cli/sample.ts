import { generateSampleRepo, SampleRepoTargetError } from "../environments/sample/generate-sample-repo";
import { UsageError, type CliCommand } from "./command";
import { parseOptions } from "./parse-options";
import { profileOption } from "./profile-option";

const usage = `Usage: berth sample --out <dir> [--namespaces N] [--seed S] [--commits C] [--now YYYY-MM-DD] [--profile <file>] [--no-checkout]

Generates a realistic environments repository (a new git repository with a
history on main) for demos, end-to-end tests and benchmarks. The same options
give the same files and the same commit ids.

  --out <dir>        where to create it; must not exist or be empty
  --namespaces N     how many namespaces (default 300)
  --seed S           seed for the random choices (default 1)
  --commits C        how many commits add namespaces (default 3-16 by size)
  --now YYYY-MM-DD   "today" for review-after dates and commit times
                     (default 2026-01-05, so output is reproducible)
  --profile <file>   a platform profile (JSON); default: Cloud Platform
  --no-checkout      leave the working tree empty (faster; git objects only)
`;

export const sampleCommand: CliCommand = {
  name: "sample",
  summary: "generate a sample environments repository",
  usage,
  async run(args, io) {
    const values = parseOptions(args, {
      out: { type: "string" },
      namespaces: { type: "string" },
      seed: { type: "string" },
      commits: { type: "string" },
      now: { type: "string" },
      profile: { type: "string" },
      "no-checkout": { type: "boolean" },
    });
    if (!values.out) throw new UsageError("--out <dir> is required");
    const profile = profileOption(values.profile);
    const started = performance.now();
    try {
      const result = await generateSampleRepo({
        dir: values.out,
        namespaces: integer("--namespaces", values.namespaces, 300, 1),
        seed: integer("--seed", values.seed, 1, 0),
        commits: values.commits === undefined ? undefined : integer("--commits", values.commits, 1, 1),
        now: day(values.now),
        profile,
        checkout: !values["no-checkout"],
      });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      io.stdout(`path:       ${result.dir}\ncommit:     ${result.commit}\nnamespaces: ${result.namespaces} (${seconds} s)\n`);
      return 0;
    } catch (error) {
      if (error instanceof SampleRepoTargetError) {
        io.stderr(`berth sample: ${error.message}\n`);
        return 1;
      }
      throw error;
    }
  },
};

function integer(flag: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`${flag} must be a whole number of at least ${min}, not "${value}"`);
  }
  return Number(value);
}

function day(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(`${value}T09:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime())) {
    throw new UsageError(`--now must be a date like 2026-01-05, not "${value}"`);
  }
  return date;
}
