import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { acquireFolderLock, FolderLockedError, lockFileFor, waitForFolderLock } from "./lock";

const lockModule = path.resolve(__dirname, "lock.ts");
let dir: string;
let folder: string;
const children: ChildProcess[] = [];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "berth-lock-"));
  folder = path.join(dir, "pglite");
});

afterEach(() => {
  for (const child of children.splice(0)) child.kill();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Starts another process that takes the lock and holds it until its stdin closes; resolves once it holds it. */
async function holdInChild(target: string): Promise<ChildProcess> {
  const code = `const { acquireFolderLock } = require(${JSON.stringify(lockModule)});
    acquireFolderLock(${JSON.stringify(target)}); console.log("locked");
    process.stdin.resume(); process.stdin.on("end", () => process.exit(0));`;
  const child = spawn(process.execPath, ["--import", "tsx", "-e", code], { stdio: ["pipe", "pipe", "inherit"] });
  children.push(child);
  const lines = readline.createInterface({ input: child.stdout! });
  await new Promise<void>((resolve, reject) => {
    lines.on("line", (line) => line === "locked" && resolve());
    child.on("exit", (exitCode) => reject(new Error(`lock holder exited early (${exitCode})`)));
  });
  return child;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null ? resolve() : child.on("exit", () => resolve())));
}

/** The pid of a process that has already exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""]);
  await exited(child);
  return child.pid!;
}

describe("acquireFolderLock", () => {
  it("writes a lock file beside the folder and removes it on release", () => {
    const lock = acquireFolderLock(folder);
    expect(lock.lockFile).toBe(`${folder}.lock`);
    expect(JSON.parse(fs.readFileSync(lock.lockFile, "utf8")).pid).toBe(process.pid);
    lock.release();
    lock.release();
    expect(fs.existsSync(lock.lockFile)).toBe(false);
  });

  it("refuses a second holder in the same process", () => {
    const lock = acquireFolderLock(folder);
    expect(() => acquireFolderLock(folder)).toThrow(FolderLockedError);
    lock.release();
    acquireFolderLock(folder).release();
  });

  it("refuses while another live process holds the folder, naming the folder and its pid", async () => {
    const child = await holdInChild(folder);
    let error: unknown;
    try {
      acquireFolderLock(folder);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(FolderLockedError);
    expect((error as FolderLockedError).holderPid).toBe(child.pid);
    expect((error as Error).message).toContain(folder);
    expect((error as Error).message).toContain(String(child.pid));

    child.stdin!.end();
    await exited(child);
    expect(fs.existsSync(lockFileFor(folder))).toBe(false);
    acquireFolderLock(folder).release();
  });

  it("takes over a lock left by a dead process", async () => {
    const pid = await deadPid();
    fs.writeFileSync(lockFileFor(folder), JSON.stringify({ pid, host: os.hostname(), token: "old" }));
    const lock = acquireFolderLock(folder);
    expect(JSON.parse(fs.readFileSync(lockFileFor(folder), "utf8")).pid).toBe(process.pid);
    lock.release();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("takes over a lock left by an earlier process with this process's pid", () => {
    fs.writeFileSync(lockFileFor(folder), JSON.stringify({ pid: process.pid, host: os.hostname(), token: "earlier" }));
    acquireFolderLock(folder).release();
  });

  it("treats an unreadable (half-written) lock as stale", () => {
    fs.writeFileSync(lockFileFor(folder), "{");
    acquireFolderLock(folder).release();
  });

  it("waitForFolderLock gets the folder once the holder exits", async () => {
    const child = await holdInChild(folder);
    const waiting = waitForFolderLock(folder, 20_000);
    child.stdin!.end();
    const lock = await waiting;
    expect(JSON.parse(fs.readFileSync(lock.lockFile, "utf8")).pid).toBe(process.pid);
    lock.release();
  });

  it("waitForFolderLock gives up after its timeout", async () => {
    await holdInChild(folder);
    await expect(waitForFolderLock(folder, 100)).rejects.toBeInstanceOf(FolderLockedError);
  });
});
