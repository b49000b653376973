import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Writes an answers file into `dir`: JSON for a value, as-is for a string (so tests can write broken JSON). */
export function writeAnswersFile(dir: string, name: string, content: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

/** Every file below `dir`, as paths relative to it; none when it does not exist. */
export function listFiles(dir: string, prefix = ""): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? listFiles(full, `${prefix}${entry}/`) : [`${prefix}${entry}`];
  });
}
