import { spawn } from "node:child_process";
import { createHash } from "node:crypto";

export interface FastImportPerson {
  name: string;
  email: string;
}

export interface FastImportCommit {
  message: string;
  author: FastImportPerson;
  committer: FastImportPerson;
  /** Unix seconds; written as UTC so commit ids do not depend on the machine. */
  time: number;
  /** Repository paths; `null` deletes the file. */
  changes: { path: string; content: string | null }[];
}

/**
 * Feeds commits to `git fast-import` as one stream onto `refs/heads/<branch>`
 * of the repository at `dir`. Much faster than writing files and running
 * `git add`: git hashes each blob once and writes a single pack. Identical
 * files (main.tf, versions.tf) are sent once and referenced by mark.
 */
export async function runFastImport(dir: string, branch: string, commits: Iterable<FastImportCommit>): Promise<void> {
  const child = spawn("git", ["fast-import", "--quiet", "--done"], { cwd: dir, stdio: ["pipe", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const pipe: { error: Error | null } = { error: null };
  child.stdin.on("error", (error) => (pipe.error ??= error));
  const exit = new Promise<number>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve(code ?? -1));
  });
  const write = async (text: string): Promise<void> => {
    if (pipe.error) return;
    if (child.stdin.write(text)) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        child.stdin.off("drain", done).off("close", done);
        resolve();
      };
      child.stdin.on("drain", done).on("close", done);
    });
  };

  const marks = new Map<string, number>();
  let nextMark = 1;
  const data = (content: string): string => `data ${Buffer.byteLength(content)}\n${content}\n`;
  const person = (p: FastImportPerson, time: number): string => `${p.name} <${p.email}> ${time} +0000`;

  for (const commit of commits) {
    const parts: string[] = [];
    const lines: string[] = [];
    for (const { path, content } of commit.changes) {
      if (content === null) {
        lines.push(`D ${path}\n`);
        continue;
      }
      const key = createHash("sha1").update(content).digest("base64");
      let mark = marks.get(key);
      if (mark === undefined) {
        mark = nextMark++;
        marks.set(key, mark);
        parts.push(`blob\nmark :${mark}\n`, data(content));
      }
      lines.push(`M 100644 :${mark} ${path}\n`);
    }
    parts.push(
      `commit refs/heads/${branch}\nmark :${nextMark++}\n`,
      `author ${person(commit.author, commit.time)}\ncommitter ${person(commit.committer, commit.time)}\n`,
      data(`${commit.message}\n`),
      ...lines,
      "\n",
    );
    await write(parts.join(""));
  }
  await write("done\n");
  child.stdin.end();
  const code = await exit;
  if (code !== 0 || pipe.error) throw new Error(`git fast-import failed (exit ${code}): ${stderr.trim() || pipe.error?.message}`);
}
