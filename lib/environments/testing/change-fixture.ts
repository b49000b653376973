import type { Change, ChangedFile } from "../checks/change";
import { baseFrom } from "../checks/change";

export const LIVE = "namespaces/live.cloud-platform.service.justice.gov.uk";

/** Test fixture: a change adding `files` (path -> content) over a base branch holding `base` (path -> content). */
export function changeFixture(files: Record<string, string | null>, options: { base?: Record<string, string>; author?: Change["author"] } = {}): Change {
  const base = options.base ?? {};
  const changed: ChangedFile[] = Object.entries(files).map(([path, content]) => ({ path, content, previous: base[path] ?? null }));
  return { files: changed, readBase: baseFrom(base), author: options.author === undefined ? { login: "alice", teams: ["team-a"] } : options.author };
}

/** The files of a folder (relative path -> content) at their repository paths. */
export function inFolder(folder: string, files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).map(([rel, content]) => [`${folder}/${rel}`, content]));
}
