import { execFile } from "node:child_process";
import { mkdir, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { cloudPlatformProfile, type PlatformProfile } from "../profile/profile";
import { planSampleHistory, type SampleCommit } from "./plan-sample-history";
import { planSampleNamespaces } from "./plan-sample-namespaces";
import { namespaceFolder, renderNamespaceFiles } from "./render-namespace-files";
import { runFastImport, type FastImportCommit } from "./run-fast-import";

const execFileAsync = promisify(execFile);

export interface GenerateSampleRepoOptions {
  /** Where to create the repository; must not exist or be an empty folder. */
  dir: string;
  namespaces?: number;
  seed?: number;
  profile?: PlatformProfile;
  /** How many commits add namespaces (a few more change some later); by default 3-16 by size. */
  commits?: number;
  /** "Today" for review-after dates and commit times; fixed by default so output is reproducible. */
  now?: Date;
  /**
   * Check out a working tree (default true). Benchmarks that read only from
   * git can skip it: writing ~12 files per namespace is most of the time.
   */
  checkout?: boolean;
}

export interface GeneratedSampleRepo {
  /** Absolute path of the repository. */
  dir: string;
  /** The commit id of `main`. */
  commit: string;
  namespaces: number;
}

/** The default "today" of generated repositories; tests that check overdue reviews fix their clock here. */
export const defaultSampleNow = new Date("2026-01-05T09:00:00Z");

const committer = { name: "GitHub", email: "noreply@github.com" };

/** The target folder cannot take a new repository (it is a file, or a folder with something in it). */
export class SampleRepoTargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SampleRepoTargetError";
  }
}

/**
 * Creates a new git repository at `dir` holding `namespaces` realistic
 * namespace folders in the profile's format, with a history of commits on
 * `main` and (unless `checkout: false`) a checked-out working tree. The
 * same options give the same files and the same commit ids.
 */
export async function generateSampleRepo({
  dir,
  namespaces = 300,
  seed = 1,
  profile = cloudPlatformProfile,
  commits,
  now = defaultSampleNow,
  checkout = true,
}: GenerateSampleRepoOptions): Promise<GeneratedSampleRepo> {
  if (!Number.isInteger(namespaces) || namespaces < 1) throw new Error(`namespaces must be a positive integer, not ${namespaces}`);
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, not ${seed}`);
  if (commits !== undefined && (!Number.isInteger(commits) || commits < 1)) throw new Error(`commits must be a positive integer, not ${commits}`);
  const root = path.resolve(dir);
  await prepareEmptyDir(root);

  const plan = planSampleNamespaces({ namespaces, seed, profile, now });
  const history = planSampleHistory(plan, { profile, seed, now, addCommits: commits });

  await git(root, ["init", "--quiet", "--initial-branch=main"]);
  await runFastImport(root, "main", toFastImport(history, profile));
  if (checkout) await git(root, ["reset", "--quiet", "--hard", "main"]);
  const commit = (await git(root, ["rev-parse", "main"])).trim();
  return { dir: root, commit, namespaces: plan.length };
}

/** Renders lazily so git hashes one commit while the next is being built. */
function* toFastImport(history: SampleCommit[], profile: PlatformProfile): Generator<FastImportCommit> {
  for (const commit of history) {
    const changes: FastImportCommit["changes"] = Object.entries(commit.files).map(([p, content]) => ({ path: p, content }));
    for (const { before, after } of commit.changes) {
      const folder = namespaceFolder(after, profile);
      const next = renderNamespaceFiles(after, profile);
      const previous = before ? renderNamespaceFiles(before, profile) : {};
      for (const [file, content] of Object.entries(next)) {
        if (previous[file] !== content) changes.push({ path: `${folder}/${file}`, content });
      }
      for (const file of Object.keys(previous)) {
        if (!(file in next)) changes.push({ path: `${folder}/${file}`, content: null });
      }
    }
    yield { message: commit.message, author: commit.author, committer, time: commit.time, changes };
  }
}

async function prepareEmptyDir(dir: string): Promise<void> {
  const info = await stat(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return null;
    throw error;
  });
  if (!info) {
    await mkdir(dir, { recursive: true });
    return;
  }
  if (!info.isDirectory()) throw new SampleRepoTargetError(`Cannot generate a sample repository at ${dir}: it exists and is not a directory`);
  if ((await readdir(dir)).length > 0) {
    throw new SampleRepoTargetError(`Refusing to generate a sample repository at ${dir}: the directory is not empty`);
  }
}

async function git(cwd: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await execFileAsync("git", args, { cwd, maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`git ${args[0]} failed in ${cwd}: ${stderr || (error as Error).message}`);
  }
}
