import { createTwoFilesPatch } from "diff";
import type { NamespaceFolder, EditedFile } from "@/lib/environments/edit/edit-operation";

export interface EditFileChange {
  path: string;
  /** The file after the edit; null when the edit deletes it. */
  content: string | null;
  /** The file before the edit; null when the edit adds it. */
  previous: string | null;
  /** A unified diff of exactly these two texts (git's a/ and b/ names, /dev/null for an added or deleted file). */
  diff: string;
}

/** Each file an edit changes, with what it held before (from the folder it was applied to) and the unified diff between the two. */
export async function editFileChanges(
  folder: NamespaceFolder,
  edited: readonly EditedFile[],
  readBase: (path: string) => Promise<string | null>,
): Promise<EditFileChange[]> {
  const prefix = `${folder.record.path}/`;
  return Promise.all(
    edited.map(async ({ path, content }) => {
      const inside = path.startsWith(prefix) ? folder.files.get(path.slice(prefix.length)) : undefined;
      const previous = inside ?? (await readBase(path));
      const diff = createTwoFilesPatch(
        previous === null ? "/dev/null" : `a/${path}`,
        content === null ? "/dev/null" : `b/${path}`,
        previous ?? "",
        content ?? "",
        undefined,
        undefined,
        { context: 3 },
      );
      // createTwoFilesPatch starts with a line of "=" that is not part of a unified diff.
      return { path, content, previous, diff: diff.replace(/^=+\n/, "") };
    }),
  );
}
