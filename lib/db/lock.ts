import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * An exclusive claim on a PGlite data folder. PGlite does nothing to stop two
 * processes from opening the same folder, and when they do, one silently
 * loses the other's writes; every opener (the app, the Prisma CLI shim) takes
 * this lock first.
 *
 * Why not proper-lockfile (considered for issue 11): its only staleness test is
 * the lock's mtime, refreshed by a timer every few seconds. A lock left by a
 * dead process on this host would then block the next start for the whole
 * stale period (today: taken over at once, by pid), and an event loop blocked
 * longer than that period (PGlite runs its queries on the main thread) would
 * let a second process take a live lock, the silent data loss this file
 * exists to prevent; it also records no pid to name in the error. Known gap,
 * still open: a lock written on another host (a rescheduled pod on a shared
 * volume) counts as held until removed by hand.
 */
export interface FolderLock {
  readonly folder: string;
  readonly lockFile: string;
  /** Gives the folder up; safe to call more than once. */
  release(): void;
}

/** Another live process holds the folder. */
export class FolderLockedError extends Error {
  constructor(
    readonly folder: string,
    readonly holderPid: number,
    readonly lockFile: string,
  ) {
    super(
      `The database folder ${folder} is in use by process ${holderPid} ` +
        `(lock file ${lockFile}). Stop that process, or point BERTH_DATA_DIR at another folder.`,
    );
    this.name = "FolderLockedError";
  }
}

interface LockRecord {
  pid: number;
  host: string;
  token: string;
}

/**
 * Tokens of the locks this process holds, so a pid match can tell "us" from
 * "a dead earlier us". Kept on globalThis because Next's dev server reloads
 * modules: a reloaded copy of this file must still see the locks already held.
 */
const holder = globalThis as typeof globalThis & { __berthHeldLocks?: Set<string> };
const heldHere = (holder.__berthHeldLocks ??= new Set<string>());

export function lockFileFor(folder: string): string {
  return `${path.resolve(folder)}.lock`;
}

/**
 * Takes the lock on `folder` (the lock file sits beside it, `<folder>.lock`,
 * so it never lands inside PGlite's data directory). Throws FolderLockedError
 * when a live process holds it; a lock left by a dead process is taken over.
 */
export function acquireFolderLock(folder: string): FolderLock {
  const absolute = path.resolve(folder);
  const lockFile = lockFileFor(absolute);
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  const mine: LockRecord = { pid: process.pid, host: os.hostname(), token: randomUUID() };

  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      fs.writeFileSync(lockFile, JSON.stringify(mine), { flag: "wx" });
      heldHere.add(mine.token);
      return makeHandle(absolute, lockFile, mine);
    } catch (error) {
      if (!isCode(error, "EEXIST")) throw error;
    }
    const holder = readRecord(lockFile);
    if (holder === "gone") continue;
    if (holder && isAlive(holder)) throw new FolderLockedError(absolute, holder.pid, lockFile);
    removeStale(lockFile, holder);
  }
  // Only reachable when other processes keep creating and removing the lock
  // under us; refusing is the safe answer.
  const holder = readRecord(lockFile);
  throw new FolderLockedError(absolute, holder && holder !== "gone" ? holder.pid : -1, lockFile);
}

function makeHandle(folder: string, lockFile: string, mine: LockRecord): FolderLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    heldHere.delete(mine.token);
    process.off("exit", release);
    const current = readRecord(lockFile);
    if (current && current !== "gone" && current.token === mine.token) fs.rmSync(lockFile, { force: true });
  };
  // Note: only the synchronous "exit" hook is used. A process killed by a
  // signal leaves its lock behind, and the next opener sees a dead pid and
  // takes it over; installing signal handlers here would change how the
  // host (Next, the CLI) shuts down.
  process.on("exit", release);
  return { folder, lockFile, release };
}

/** The lock's content, null when unreadable (a crash mid-write), "gone" when the file vanished. */
function readRecord(lockFile: string): LockRecord | null | "gone" {
  let text: string;
  try {
    text = fs.readFileSync(lockFile, "utf8");
  } catch (error) {
    if (isCode(error, "ENOENT")) return "gone";
    throw error;
  }
  try {
    const value = JSON.parse(text) as Partial<LockRecord>;
    if (typeof value.pid === "number" && typeof value.token === "string" && typeof value.host === "string") {
      return { pid: value.pid, host: value.host, token: value.token };
    }
  } catch {
    // fall through: a half-written record is treated as stale
  }
  return null;
}

function isAlive(holder: LockRecord): boolean {
  // A lock written on another machine (a shared volume) cannot be checked
  // from here, so it counts as held.
  if (holder.host !== os.hostname()) return true;
  // Our own pid: either a lock this process holds, or one left by an earlier
  // process that had the same pid (common in containers, where the app is
  // often pid 1).
  if (holder.pid === process.pid) return heldHere.has(holder.token);
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return isCode(error, "EPERM");
  }
}

/**
 * Removes a stale lock without removing a fresh one another process just
 * wrote: the file is first renamed aside (atomic, so only one remover wins),
 * then checked; if what was moved is not the stale record, it is put back.
 */
function removeStale(lockFile: string, stale: LockRecord | null): void {
  const aside = `${lockFile}.stale-${process.pid}-${randomUUID()}`;
  try {
    fs.renameSync(lockFile, aside);
  } catch (error) {
    if (isCode(error, "ENOENT")) return;
    throw error;
  }
  const moved = readRecord(aside);
  const wasStale = stale === null ? moved === null : moved !== null && moved !== "gone" && moved.token === stale.token;
  if (!wasStale) {
    try {
      fs.linkSync(aside, lockFile);
    } catch (error) {
      if (!isCode(error, "EEXIST")) throw error;
    }
  }
  fs.rmSync(aside, { force: true });
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === code;
}

/**
 * acquireFolderLock, retried until `timeoutMs` passes. For openers that follow
 * a short-lived holder: the Prisma CLI returns before its schema-engine shim
 * has finished closing the folder, so the next opener may find it still held
 * for a moment.
 */
export async function waitForFolderLock(folder: string, timeoutMs: number): Promise<FolderLock> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return acquireFolderLock(folder);
    } catch (error) {
      if (!(error instanceof FolderLockedError) || Date.now() >= deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
