import { spawn } from "node:child_process";
import { GitCommandError } from "./errors";

/**
 * Streams blobs out of one `git cat-file --batch` process, calling onBlob in
 * request order as each arrives (null for an object git does not have), so
 * parsing overlaps git's reading. One process for all blobs: starting one per
 * file costs milliseconds each.
 */
export function catBlobs(repoPath: string, oids: string[], onBlob: (index: number, contents: Buffer | null) => void): Promise<void> {
  if (oids.length === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const child = spawn("git", ["-C", repoPath, "cat-file", "--batch"], { stdio: ["pipe", "pipe", "pipe"] });
    const parts: Buffer[] = [];
    let buffered = 0;
    let size = -1;
    let next = 0;
    let failed = false;
    let stderr = "";

    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      child.kill();
      reject(error);
    };
    const flatten = (): Buffer => {
      if (parts.length > 1) parts.splice(0, parts.length, Buffer.concat(parts));
      return parts[0]!;
    };
    const consume = (count: number) => {
      parts[0] = parts[0]!.subarray(count);
      buffered -= count;
      if (parts[0].length === 0) parts.shift();
    };

    child.stdout.on("data", (chunk: Buffer) => {
      parts.push(chunk);
      buffered += chunk.length;
      try {
        for (;;) {
          if (size < 0) {
            if (buffered === 0) return;
            const buf = flatten();
            const nl = buf.indexOf(10);
            if (nl < 0) return;
            const header = buf.toString("latin1", 0, nl);
            consume(nl + 1);
            if (header.endsWith(" missing") || header.endsWith(" ambiguous")) {
              onBlob(next++, null);
              continue;
            }
            size = Number(header.slice(header.lastIndexOf(" ") + 1));
            if (!Number.isInteger(size) || size < 0) throw new GitCommandError(["cat-file", "--batch"], `unexpected header: ${header}`);
          }
          if (buffered < size + 1) return;
          const body = flatten().subarray(0, size);
          consume(size + 1);
          size = -1;
          onBlob(next++, body);
        }
      } catch (error) {
        fail(error as Error);
      }
    });
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", fail);
    child.stdin.on("error", () => {
      /* git exited early; the exit handler reports it */
    });
    child.on("close", (code) => {
      if (failed) return;
      if (code !== 0 || next !== oids.length) {
        fail(new GitCommandError(["cat-file", "--batch"], stderr || `exited with ${code} after ${next} of ${oids.length} objects`));
      } else resolve();
    });
    child.stdin.end(oids.join("\n") + "\n");
  });
}
