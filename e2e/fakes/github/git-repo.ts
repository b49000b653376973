import { spawn } from "node:child_process";

export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface GitPerson {
  name: string;
  email: string;
  /** ISO 8601 with offset, as GitHub prints it. */
  date: string;
}

export interface GitCommitObject {
  sha: string;
  tree: string;
  parents: string[];
  author: GitPerson;
  committer: GitPerson;
  message: string;
}

export interface GitTreeEntry {
  mode: string;
  type: "blob" | "tree" | "commit";
  sha: string;
  size?: number;
  path: string;
}

export interface GitChange {
  status: "added" | "modified" | "removed" | "changed";
  path: string;
  sha: string;
  additions: number;
  deletions: number;
}

const SHA = /^[0-9a-f]{40}$/;

/**
 * The bare repository behind the fake, driven with the git CLI. Everything
 * git can hold (objects, refs) lives in git; nothing here caches it, except
 * the merge of two commits named by sha (objects never change).
 */
export function gitRepo(bareRepoPath: string) {
  const merges = new Map<string, string | undefined>();
  const run = (args: string[], options: { input?: string | Buffer; env?: Record<string, string> } = {}) =>
    new Promise<GitResult>((resolve, reject) => {
      const child = spawn("git", args, {
        cwd: bareRepoPath,
        env: { ...process.env, GIT_DIR: bareRepoPath, GIT_TERMINAL_PROMPT: "0", ...options.env },
        stdio: [options.input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
      });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout?.on("data", (chunk: Buffer) => out.push(chunk));
      child.stderr?.on("data", (chunk: Buffer) => err.push(chunk));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }));
      if (child.stdin && options.input !== undefined) {
        // Note: git may exit before reading all of its input (a bad object); the exit code tells, not EPIPE.
        child.stdin.on("error", () => undefined);
        child.stdin.end(options.input);
      }
    });

  const must = async (args: string[], options?: { input?: string | Buffer; env?: Record<string, string> }) => {
    const result = await run(args, options);
    if (result.code !== 0) throw new Error(`git ${args.join(" ")} failed (${result.code}): ${result.stderr.trim()}`);
    return result.stdout;
  };

  const repo = {
    path: bareRepoPath,
    run,
    /** The full sha a name resolves to as the given object type, or undefined. */
    async resolve(name: string, type: "commit" | "tree" | "blob" | "object" = "object"): Promise<string | undefined> {
      const suffix = type === "object" ? "" : `^{${type}}`;
      const result = await run(["rev-parse", "--verify", "--quiet", `${name}${suffix}`]);
      return result.code === 0 ? result.stdout.trim() : undefined;
    },
    async objectType(sha: string): Promise<string | undefined> {
      const result = await run(["cat-file", "-t", sha]);
      return result.code === 0 ? result.stdout.trim() : undefined;
    },
    /** The sha a full ref name (`refs/heads/main`) points at, or undefined. */
    async ref(name: string): Promise<string | undefined> {
      const result = await run(["rev-parse", "--verify", "--quiet", `${name}^{}`]);
      return name.startsWith("refs/") && result.code === 0 ? result.stdout.trim() : undefined;
    },
    async refs(prefix: string): Promise<Array<{ ref: string; sha: string }>> {
      const out = await must(["for-each-ref", "--format=%(refname) %(objectname)", prefix]);
      return out
        .split("\n")
        .filter(Boolean)
        .map((line) => {
          const [ref = "", sha = ""] = line.split(" ");
          return { ref, sha };
        });
    },
    /** Compare-and-swap: `expected` "" means the ref must not exist yet. */
    async updateRef(name: string, sha: string, expected: string): Promise<boolean> {
      return (await run(["update-ref", name, sha, expected])).code === 0;
    },
    async writeBlob(content: Buffer): Promise<string> {
      return (await must(["hash-object", "-w", "--stdin"], { input: content })).trim();
    },
    async readCommit(sha: string): Promise<GitCommitObject | undefined> {
      const resolved = await repo.resolve(sha, "commit");
      if (!resolved) return undefined;
      const raw = await must(["cat-file", "commit", resolved]);
      return parseCommit(resolved, raw);
    },
    async commitTree(input: { tree: string; parents: string[]; message: string; author: GitPerson; committer: GitPerson }) {
      const env = {
        GIT_AUTHOR_NAME: input.author.name,
        GIT_AUTHOR_EMAIL: input.author.email,
        GIT_AUTHOR_DATE: input.author.date,
        GIT_COMMITTER_NAME: input.committer.name,
        GIT_COMMITTER_EMAIL: input.committer.email,
        GIT_COMMITTER_DATE: input.committer.date,
      };
      const args = ["commit-tree", input.tree, ...input.parents.flatMap((parent) => ["-p", parent]), "-F", "-"];
      return (await must(args, { input: input.message, env })).trim();
    },
    async lsTree(tree: string, recursive: boolean): Promise<GitTreeEntry[]> {
      const out = await must(["ls-tree", "-z", "-l", ...(recursive ? ["-r", "-t"] : []), tree]);
      return out
        .split("\0")
        .filter(Boolean)
        .map((line) => {
          const [meta = "", path = ""] = line.split("\t");
          const [mode = "", type = "", sha = "", size = "-"] = meta.split(/\s+/);
          return { mode, type: type as GitTreeEntry["type"], sha, path, ...(size === "-" ? {} : { size: Number(size) }) };
        });
    },
    async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
      return (await run(["merge-base", "--is-ancestor", ancestor, descendant])).code === 0;
    },
    async mergeBase(a: string, b: string): Promise<string | undefined> {
      const result = await run(["merge-base", a, b]);
      return result.code === 0 ? result.stdout.trim() : undefined;
    },
    /** Commits reachable from `head` but not from `base`, oldest first. */
    async commitsBetween(base: string, head: string): Promise<string[]> {
      return (await must(["rev-list", "--reverse", `${base}..${head}`])).split("\n").filter(Boolean);
    },
    /** The tree of merging `theirs` into `ours`, or undefined when they conflict. */
    async mergeTree(ours: string, theirs: string): Promise<string | undefined> {
      const key = `${ours}:${theirs}`;
      if (merges.has(key)) return merges.get(key);
      const result = await run(["merge-tree", "--write-tree", "--no-messages", ours, theirs]);
      const tree = result.code === 0 ? result.stdout.split("\n")[0]?.trim() : undefined;
      if (SHA.test(ours) && SHA.test(theirs)) merges.set(key, tree);
      return tree;
    },
    /** Files changed between two commits (no rename detection, like GitHub's per-file list without renames). */
    async diff(from: string, to: string): Promise<GitChange[]> {
      const raw = (await must(["diff", "--raw", "-z", "--no-renames", "--no-abbrev", from, to])).split("\0");
      const numstat = (await must(["diff", "--numstat", "-z", "--no-renames", from, to])).split("\0").filter(Boolean);
      const counts = new Map<string, [number, number]>();
      for (const line of numstat) {
        const [added = "0", deleted = "0", path = ""] = line.split("\t");
        counts.set(path, [Number(added) || 0, Number(deleted) || 0]);
      }
      const changes: GitChange[] = [];
      for (let index = 0; index + 1 < raw.length; index += 2) {
        const [, , oldSha = "", newSha = "", letter = ""] = (raw[index] ?? "").split(" ");
        const path = raw[index + 1] ?? "";
        if (!path) continue;
        const status = letter === "A" ? "added" : letter === "D" ? "removed" : letter === "M" ? "modified" : "changed";
        const [additions, deletions] = counts.get(path) ?? [0, 0];
        changes.push({ status, path, sha: status === "removed" ? oldSha : newSha, additions, deletions });
      }
      return changes;
    },
  };
  return repo;
}

export type GitRepo = ReturnType<typeof gitRepo>;

function parsePerson(value: string): GitPerson {
  const match = /^(.*) <(.*)> (\d+) ([+-])(\d\d)(\d\d)$/.exec(value);
  if (!match) return { name: value, email: "", date: new Date(0).toISOString() };
  const [, name = "", email = "", seconds = "0", sign = "+", hours = "00", minutes = "00"] = match;
  const offsetMinutes = (sign === "-" ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
  const local = new Date(Number(seconds) * 1000 + offsetMinutes * 60_000).toISOString().replace(/\.\d+Z$/, "");
  return { name, email, date: offsetMinutes === 0 ? `${local}Z` : `${local}${sign}${hours}:${minutes}` };
}

function parseCommit(sha: string, raw: string): GitCommitObject {
  const split = raw.indexOf("\n\n");
  const header = split === -1 ? raw : raw.slice(0, split);
  const message = split === -1 ? "" : raw.slice(split + 2);
  const commit: GitCommitObject = { sha, tree: "", parents: [], author: parsePerson(""), committer: parsePerson(""), message };
  for (const line of header.split("\n")) {
    const space = line.indexOf(" ");
    const key = line.slice(0, space);
    const value = line.slice(space + 1);
    if (key === "tree") commit.tree = value;
    else if (key === "parent") commit.parents.push(value);
    else if (key === "author") commit.author = parsePerson(value);
    else if (key === "committer") commit.committer = parsePerson(value);
  }
  return commit;
}
